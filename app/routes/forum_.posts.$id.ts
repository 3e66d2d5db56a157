import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { getPost } from "~/models/forum.server";
import { pageOfPost } from "~/utils/forum-limits";
import { notFound } from "~/utils/permissions.server";
import { IdSchema } from "~/utils/validation";

/** A permanent link to a post: the page of its thread it is on, scrolled to it. */
export async function loader({ params }: LoaderFunctionArgs) {
  if (!IdSchema.safeParse(params.id).success) notFound();
  const post = await getPost(params.id!);
  if (!post) notFound();
  return redirect(`/forum/threads/${post.threadId}?page=${pageOfPost(post.number)}#post-${post.number}`);
}
