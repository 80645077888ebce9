import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { BrowserRouter, Route, Routes } from "react-router";
import { SessionProvider } from "../auth/SessionProvider";
import { RequireSession } from "../auth/RequireSession";
import { LoginPage } from "../auth/LoginPage";
import { SignUpPage } from "../auth/SignUpPage";
import { AcceptInvitationPage } from "../auth/AcceptInvitationPage";
import { TeamPage } from "../team/TeamPage";
import { Shell } from "../design/Shell";
import { DashboardPage } from "../fleet/DashboardPage";
import { DisplaysPage } from "../fleet/DisplaysPage";
import { PairDisplayPage } from "../fleet/PairDisplayPage";
import { GroupsPage } from "../fleet/GroupsPage";
import { DisplayPage } from "../displays/DisplayPage";
import { CalendarPage } from "../displays/CalendarPage";
import { ContentPage } from "../content/ContentPage";
import { PlaylistsPage } from "../scheduling/PlaylistsPage";
import { PlaylistEditorPage } from "../scheduling/PlaylistEditorPage";
import { CampaignsPage } from "../scheduling/CampaignsPage";
import { CampaignFormPage } from "../scheduling/CampaignFormPage";
import { TakeoverPage } from "../scheduling/TakeoverPage";
import { ProblemError } from "../api/problems";

const queries = new QueryClient({
  defaultOptions: {
    // a refusal will not change by asking again; an unreachable service might
    queries: { retry: (failures, error) => failures < 2 && !(error instanceof ProblemError && error.problem.status < 500) },
  },
});

export function App() {
  return (
    <QueryClientProvider client={queries}>
      <SessionProvider>
        <BrowserRouter>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route path="/signup" element={<SignUpPage />} />
            <Route path="/invitation" element={<AcceptInvitationPage />} />
            <Route element={<RequireSession />}>
              <Route element={<Shell />}>
                <Route index element={<DashboardPage />} />
                <Route path="displays" element={<DisplaysPage />} />
                <Route path="displays/pair" element={<PairDisplayPage />} />
                <Route path="displays/:displayId" element={<DisplayPage />} />
                <Route path="groups" element={<GroupsPage />} />
                <Route path="content" element={<ContentPage />} />
                <Route path="playlists" element={<PlaylistsPage />} />
                <Route path="playlists/:playlistId" element={<PlaylistEditorPage />} />
                <Route path="campaigns" element={<CampaignsPage />} />
                <Route path="campaigns/new" element={<CampaignFormPage />} />
                <Route path="campaigns/takeover" element={<TakeoverPage />} />
                <Route path="campaigns/:campaignId" element={<CampaignFormPage />} />
                <Route path="calendar" element={<CalendarPage />} />
                <Route path="team" element={<TeamPage />} />
              </Route>
            </Route>
          </Routes>
        </BrowserRouter>
      </SessionProvider>
    </QueryClientProvider>
  );
}
