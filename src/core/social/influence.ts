// Which authors the social team should look at first: an account the network verified, or one
// followed by at least the workspace's threshold.

import type { SocialAuthor } from "./socialEvent.js";

/** The default follower count from which an author counts as influential. */
export const INFLUENCE_THRESHOLD = 10_000;

/** Why an author stands out; empty when they do not. */
export type AuthorFlag = "verified" | "influential";

/** The flags of `author` under `threshold` followers. */
export function authorFlags(author: Pick<SocialAuthor, "verified" | "followers">, threshold = INFLUENCE_THRESHOLD): AuthorFlag[] {
  const flags: AuthorFlag[] = [];
  if (author.verified) flags.push("verified");
  if (author.followers >= threshold) flags.push("influential");
  return flags;
}
