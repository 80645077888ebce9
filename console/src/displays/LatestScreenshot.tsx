import { useEffect } from "react";
import { Failed, Loading } from "../design/StateViews";
import { useScreenshots } from "./remoteCommands";

/**
 * The display's newest screenshot and when it was taken. Read again when the screen reports one the
 * list does not have yet (a screenshot command done, or the fleet's newest screenshot), never in a loop.
 */
export function LatestScreenshot({ displayId, displayName, expected }: { displayId: string; displayName: string; expected: readonly string[] }) {
  const screenshots = useScreenshots(displayId);
  const missing = expected.filter((screenshotId) => !screenshots.data?.some((shot) => shot.screenshotId === screenshotId)).join(" ");
  const { isSuccess, refetch } = screenshots;
  useEffect(() => {
    if (isSuccess && missing) {
      void refetch();
    }
  }, [missing]); // once per screenshot the list lacks, not on every read
  if (screenshots.isPending) {
    return <Loading what="the latest screenshot" />;
  }
  if (screenshots.isError) {
    return <Failed error={screenshots.error} retry={() => void refetch()} />;
  }
  const newest = screenshots.data[0];
  if (!newest) {
    return <p className="muted">No screenshot yet.</p>;
  }
  const taken = new Date(newest.takenAt).toLocaleString();
  return (
    <figure className="screenshot">
      <img src={newest.url} alt={`What ${displayName} showed at ${taken}`} />
      <figcaption className="muted">Taken {taken}</figcaption>
    </figure>
  );
}
