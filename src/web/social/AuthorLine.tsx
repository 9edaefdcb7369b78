// A social author as the stream and the ticket show them: name, handle, followers, and the
// verified and influential flags.

import { useI18n } from "../i18n/I18nProvider.js";
import type { SocialPost } from "./socialApi.js";

/** An author's handle, name and flags, as the stream and the ticket show them. */
export function AuthorLine({ post }: { post: SocialPost }) {
  const { t } = useI18n();
  return (
    <span className="social-author">
      <strong>{post.author.name}</strong> <span className="muted">{post.author.handle}</span> · {t("social.followers", { count: post.author.followers })}
      {post.flags.includes("verified") && <span className="badge badge-accent"> {t("social.verified")}</span>}
      {post.flags.includes("influential") && <span className="badge badge-accent"> {t("social.influential")}</span>}
    </span>
  );
}
