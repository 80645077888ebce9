import { Link } from "react-router";
import { mayEdit, mayPublish, useOperator } from "../auth/SessionProvider";
import { Empty, Failed, Loading } from "../design/StateViews";
import { describeDaypart, type Campaign } from "./campaignForm";
import { useCampaigns } from "./campaigns";
import { usePlaylists } from "./playlists";
import { localTime, takeoverEnd, targetsWholeOrganisation } from "./takeover";

/** When a campaign plays: a takeover started now until its end, any other by its dates and times. */
function CampaignWhen({ campaign }: { campaign: Campaign }) {
  const until = takeoverEnd(campaign);
  const when = until ? `Takeover until ${localTime(until)}` : `${campaign.startDate} – ${campaign.endDate} · ${campaign.dayparts.map(describeDaypart).join("; ")}`;
  return <>{when}{targetsWholeOrganisation(campaign) ? " · whole organisation" : ""}</>;
}

/** Every campaign with its state, dates and times; drafts, published and ended ones alike. */
export function CampaignsPage() {
  const operator = useOperator();
  const campaigns = useCampaigns();
  const playlists = usePlaylists();
  const playlistName = new Map((playlists.data ?? []).map((playlist) => [playlist.playlistId, playlist.name]));
  return (
    <>
      <div className="toolbar">
        <h1>Campaigns</h1>
        <span className="spacer" />
        {mayPublish(operator.role) && <Link className="button danger" to="/campaigns/takeover">Take over now</Link>}
        {mayEdit(operator.role) && <Link className="button" to="/campaigns/new">New campaign</Link>}
      </div>
      {campaigns.isPending ? <Loading what="campaigns" /> : campaigns.isError ? <Failed error={campaigns.error} retry={() => void campaigns.refetch()} /> :
        campaigns.data.length === 0 ? <Empty>No campaigns yet.{mayEdit(operator.role) ? " A campaign plays a playlist on displays, groups or tags at the times you choose." : ""}</Empty> : (
          <ul className="list" aria-label="Campaigns">
            {campaigns.data.map((campaign) => (
              <li key={campaign.campaignId} className="card toolbar">
                <Link to={`/campaigns/${campaign.campaignId}`}><strong>{campaign.name}</strong></Link>
                <span className={`badge ${campaign.state}`}>{campaign.state}</span>
                {campaign.kind.toUpperCase() === "TAKEOVER" && <span className="badge takeover">takeover</span>}
                <span className="muted">
                  <CampaignWhen campaign={campaign} /> · priority {campaign.priority}
                  {" · "}{playlistName.get(campaign.playlistId) ?? "playlist"}
                </span>
              </li>
            ))}
          </ul>
        )}
    </>
  );
}
