/** The report's teams: each market team's members and figures. */
import { uniqueSlugs } from './people.ts';
import type { ReportParts } from './report-scopes.ts';
import { scopeFigures } from './scope-figures.ts';
import type { TeamEntry } from './site-model.ts';

export function teamEntries({ model, scopes, persons, periods, ctx }: ReportParts): TeamEntry[] {
  // The team of people without one (id '') takes its address from its name ("no-team"); its key
  // cannot be taken for a team id, and sorts first, so it keeps that address.
  const slugKey = (team: { id: string; name: string }) => (team.id === '' ? `\0${team.name}` : team.id);
  const teamSlugs = uniqueSlugs(model.teams.map(slugKey));
  return model.teams.map((team) => ({
    id: team.id,
    slug: teamSlugs.get(slugKey(team))!,
    name: team.name,
    members: team.memberIds.map((id) => persons.ref(id)),
    figures: scopeFigures(scopes.ofTeam.get(team.id)!, periods, ctx),
  }));
}
