// Managers told in the app, each in their language, when a burst of negative mentions raises an
// incident on a social network.

import { localeOf, translate } from "../../core/i18n/index.js";
import type { Network } from "../../core/social/socialEvent.js";
import { enqueue } from "../../store/outbox/outbox.js";
import { managersToTell } from "../../store/social.js";
import type { Work } from "../work.js";

/** Queues one in-app notice per active admin and manager. */
export async function tellManagersOfBurst(work: Work, props: { network: Network; incidentId: string; count: number; minutes: number }): Promise<void> {
  const managers = await managersToTell(work.tx);
  await enqueue(
    work.tx,
    managers.map((manager) => {
      const locale = localeOf(manager.locale);
      const network = translate(locale, "social.network", { network: props.network });
      return {
        kind: "inapp" as const,
        agentId: manager.id,
        payload: {
          title: translate(locale, "social.incident.title", { network }),
          body: translate(locale, "social.incident.body", { count: props.count, minutes: props.minutes }),
          data: { type: "social_incident", incidentId: props.incidentId, network: props.network },
        },
      };
    }),
    work.now,
  );
}
