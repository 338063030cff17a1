/** The report's teams: each market team's members and figures. */
import { uniqueSlugs } from './people.ts';
import type { ReportParts } from './report-scopes.ts';
import { scopeFigures } from './scope-figures.ts';
import type { TeamEntry } from './site-model.ts';

export function teamEntries({ model, scopes, persons, periods, ctx }: ReportParts): TeamEntry[] {
  const teamSlugs = uniqueSlugs(model.teams.map((team) => team.id));
  return model.teams.map((team) => ({
    id: team.id,
    slug: teamSlugs.get(team.id)!,
    name: team.name,
    members: team.memberIds.map((id) => persons.ref(id)),
    figures: scopeFigures(scopes.ofTeam.get(team.id)!, periods, ctx),
  }));
}
