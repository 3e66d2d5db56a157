import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { getPost } from "~/models/forum.server";
import { pageOfPost } from "~/utils/forum-limits";
import { notFound, requireIdParam } from "~/utils/permissions.server";
import { requireReadablePost } from "~/models/forum-access.server";
import { getOptionalUser } from "~/utils/auth.server";

/** A permanent link to a post: the page of its thread it is on, scrolled to it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const post = await getPost(requireIdParam(params));
  if (!post) notFound();
  await requireReadablePost(post.id, await getOptionalUser(request));
  return redirect(`/forum/threads/${post.threadId}?page=${pageOfPost(post.number)}#post-${post.number}`);
}
