import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { getPost } from "~/models/forum.server";
import { pageOfPost } from "~/utils/forum-limits";
import { notFound, requireIdParam } from "~/utils/permissions.server";

/** A permanent link to a post: the page of its thread it is on, scrolled to it. */
export async function loader({ params }: LoaderFunctionArgs) {
  const post = await getPost(requireIdParam(params));
  if (!post) notFound();
  return redirect(`/forum/threads/${post.threadId}?page=${pageOfPost(post.number)}#post-${post.number}`);
}
