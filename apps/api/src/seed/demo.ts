import type { DataSource } from 'typeorm';
import { bufferedHull, geometryBBox, voronoiCells } from '#geo';
import type { ClientRiskFlag, Role, SafetyPlan, TeamSkill } from '#contracts';
import { hashPassword } from '../auth/passwords.js';
import { SEOUL_DISTRICTS, SEOUL_HOSPITALS } from './seoul-data.js';
import { normalisePhone } from '../clients/phone.js';

/** The one password of every demo account; printed at start and in the README. Demo mode only. */
export const DEMO_PASSWORD = 'demo-1577-0199';

export interface DemoCredentials {
  password: string;
  users: { username: string; role: Role; note: string }[];
}

const SKILL_ROTATION: TeamSkill[][] = [
  ['adolescent'],
  ['addiction'],
  ['elderly', 'female-clinician'],
  ['english'],
  ['adolescent', 'female-clinician'],
  ['chinese'],
  [],
];

/**
 * Registered clients (people under case management) so the demo has known callers: calling from one of these
 * numbers shows the client to the counselor. Fictional people; 010-0000-00xx numbers are not in service.
 */
export const DEMO_CLIENTS: readonly {
  name: string;
  phones: string[];
  district: string;
  caseManager: string;
  safetyPlan: SafetyPlan;
  riskFlags: ClientRiskFlag[];
  guardian: string | null;
  hospital: string | null;
  birthYear: number;
}[] = [
  {
    name: 'Kim Min-jun (김민준)',
    phones: ['010-0000-0001'],
    district: 'Jung-gu',
    caseManager: 'Park Ji-eun, Jung-gu MHWC',
    safetyPlan: {
      warningSigns: ['Stops eating', 'Gives belongings away'],
      copingStrategies: ['Walk along Cheonggyecheon', 'Listen to baseball on the radio'],
      socialContacts: ['The corner café by the station'],
      helpContacts: ['Sister Kim Soo-ah 010-0000-0091'],
      professionalContacts: ['Case manager Park Ji-eun (weekdays)', 'Crisis line 1577-0199 (24 h)'],
      meansSafety: 'Medication kept by his sister, a week at a time.',
      reasonsForLiving: ['His niece', 'Getting back to work at the print shop'],
    },
    riskFlags: ['prior-attempt', 'substance-use'],
    guardian: 'Kim Soo-ah (sister) 010-0000-0091',
    hospital: 'H-NMC',
    birthYear: 1984,
  },
  {
    name: 'Lee Seo-yeon (이서연)',
    phones: ['010-0000-0002', '02-0000-0002'],
    district: 'Mapo-gu',
    caseManager: 'Choi Hyun-woo, Mapo-gu MHWC',
    safetyPlan: {
      warningSigns: ['Anniversaries', 'Night shifts', 'Not sleeping'],
      copingStrategies: ['Box breathing', 'Music with headphones'],
      socialContacts: ['Friend from choir'],
      helpContacts: ['Father Lee Jung-ho 010-0000-0092'],
      professionalContacts: ['Case manager Choi Hyun-woo (weekdays)', 'Crisis line 1577-0199 at night'],
      meansSafety: 'Blades removed from her room; father keeps the first-aid kit.',
      reasonsForLiving: ['Her cat', 'University entrance next year'],
    },
    riskFlags: ['self-harm'],
    guardian: 'Lee Jung-ho (father) 010-0000-0092',
    hospital: 'H-SEVERANCE',
    birthYear: 2008,
  },
  {
    name: 'Park Do-hyun (박도현)',
    phones: ['010-0000-0003'],
    district: 'Gangnam-gu',
    caseManager: 'Jung Mi-kyung, Gangnam-gu MHWC',
    safetyPlan: {
      warningSigns: ['Hearing voices at night', 'Suspicion of neighbours'],
      copingStrategies: ['Take the prescribed medication', 'Shower and walk'],
      socialContacts: ["Stay at his brother's flat"],
      helpContacts: ['Brother Park Sang-woo 010-0000-0093'],
      professionalContacts: ['Case manager Jung Mi-kyung', 'Samsung Medical Center outpatient clinic'],
      meansSafety: 'No weapons at home; brother holds spare keys.',
    },
    riskFlags: ['psychosis', 'violence'],
    guardian: 'Park Sang-woo (brother) 010-0000-0093',
    hospital: 'H-SAMSUNG',
    birthYear: 1979,
  },
  {
    name: 'Choi Young-ja (최영자)',
    phones: ['010-0000-0004'],
    district: 'Nowon-gu',
    caseManager: 'Han Seung-min, Nowon-gu MHWC',
    safetyPlan: {
      warningSigns: ['Loneliness in the evening', 'Leaving home at night confused'],
      copingStrategies: ['Radio drama', 'Tea and photo album'],
      socialContacts: ['Senior centre lunch (weekdays)', 'The park by the apartment'],
      helpContacts: ['Daughter Choi Eun-hee 010-0000-0094 (calls every Sunday)'],
      professionalContacts: ['Case manager Han Seung-min'],
      meansSafety: 'Sleeping pills kept by the daughter; gas valve lock fitted.',
    },
    riskFlags: ['wandering', 'prior-attempt'],
    guardian: 'Choi Eun-hee (daughter) 010-0000-0094',
    hospital: 'H-SMC',
    birthYear: 1951,
  },
  {
    name: 'Jung Tae-yang (정태양)',
    phones: ['010-0000-0005'],
    district: 'Gwanak-gu',
    caseManager: 'Yoon Ha-na, Gwanak-gu MHWC',
    safetyPlan: {
      warningSigns: ['Exam stress', 'Staying alone in the room for days'],
      copingStrategies: ['Go running by the stream'],
      socialContacts: ['The 24-hour study café with others'],
      helpContacts: ['A friend from the study group'],
      professionalContacts: ['Case manager Yoon Ha-na', 'Crisis line 1577-0199'],
      meansSafety: 'Knife kept at home: agreed to give it to the landlord.',
      reasonsForLiving: ['His younger brother'],
    },
    riskFlags: ['self-harm', 'weapon-access'],
    guardian: null,
    hospital: 'H-BORAMAE',
    birthYear: 2001,
  },
  {
    name: 'Han Ji-woo (한지우)',
    phones: ['010-0000-0006'],
    district: 'Eunpyeong-gu',
    caseManager: 'Kang Min-seo, Eunpyeong-gu MHWC',
    safetyPlan: {
      warningSigns: ['Drinking starts in the afternoon'],
      copingStrategies: ['Call the addiction centre line when drinking starts'],
      socialContacts: ['Church men’s group'],
      helpContacts: ['Wife Seo Yu-na 010-0000-0096'],
      professionalContacts: ['Case manager Kang Min-seo', 'Eunpyeong addiction centre'],
      meansSafety: 'No alcohol kept at home.',
    },
    riskFlags: ['substance-use', 'violence'],
    guardian: 'Seo Yu-na (wife) 010-0000-0096',
    hospital: 'H-EUNPYEONG',
    birthYear: 1968,
  },
];

const short = (nameEn: string): string => nameEn.replace(/-gu$/, '');

// Stations are named after the district, except where the real station is not: Jung-gu's police station and fire
// station are 중부경찰서 and 중부소방서 (Jungbu), never "중경찰서" (issue 13 item 8).
const STATION_STEM: Record<string, { en: string; ko: string }> = { 'Jung-gu': { en: 'Jungbu', ko: '중부' } };
const stationStem = (nameEn: string, nameKo: string) =>
  STATION_STEM[nameEn] ?? { en: short(nameEn), ko: nameKo.replace(/구$/, '') };
export const policeStationName = (nameEn: string, nameKo: string): string => {
  const { en, ko } = stationStem(nameEn, nameKo);
  return `${en} Police Station (${ko}경찰서)`;
};
export const fireStationName = (nameEn: string, nameKo: string): string => {
  const { en, ko } = stationStem(nameEn, nameKo);
  return `${en} Fire Station (${ko}소방서)`;
};

// 24-hour shifts change at 09:00 Korea time (UTC+9, no daylight saving), the usual handover of Korean centres.
// The first shift is the one running now, so every team is on duty from the first start.
export function shiftStarts(now: Date, days: number): Date[] {
  const DAY = 24 * 3600_000;
  const KST = 9 * 3600_000;
  const wall = now.getTime() + KST;
  let handoverWall = Math.floor(wall / DAY) * DAY + 9 * 3600_000;
  if (wall < handoverWall) handoverWall -= DAY;
  return Array.from({ length: days }, (_, i) => new Date(handoverWall - KST + i * DAY));
}

/**
 * Loads the Seoul demo set on an empty database: 25 districts as approximate regions (Voronoi cells of the
 * district offices clipped to a buffered hull, not official boundaries), hospitals, a police station, a fire
 * station and a community mental health centre per district, mobile crisis teams on 24-hour shifts for a week,
 * one demo user per role, and six registered clients (known callers). No calls, incidents or live positions:
 * the map starts quiet.
 */
export async function seedDemoData(ds: DataSource, now: Date): Promise<DemoCredentials | null> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return ds.transaction(async (m) => {
    // Serialises concurrent first starts of several instances; the loser finds the data and does nothing.
    await m.query(`SELECT pg_advisory_xact_lock(7263002)`);
    const [{ n }] = (await m.query(`SELECT count(*)::int AS n FROM region`)) as [{ n: number }];
    if (n > 0) return null;

    const outline = bufferedHull(
      SEOUL_DISTRICTS.map((d) => d.office),
      3.5,
    );
    const cells = voronoiCells(
      SEOUL_DISTRICTS.map((d) => d.office),
      outline,
    );
    const regionId = new Map<string, string>();
    for (const [i, d] of SEOUL_DISTRICTS.entries()) {
      const geometry = cells[i]!;
      const [row] = (await m.query(
        `INSERT INTO region (code, name, name_ko, population, geometry, bbox) VALUES ($1,$2,$3,$4,$5::jsonb,$6) RETURNING id`,
        [d.code, d.nameEn, d.nameKo, d.population, JSON.stringify(geometry), geometryBBox(geometry)],
      )) as [{ id: string }];
      regionId.set(d.nameEn, row.id);
    }

    for (const h of SEOUL_HOSPITALS) {
      await m.query(
        `INSERT INTO agency (code, kind, name, region_ids, lat, lng, beds_available, beds_updated_at)
         VALUES ($1, 'hospital', $2, $3, $4, $5, $6, CASE WHEN $6::int IS NULL THEN NULL ELSE now() END)`,
        [h.code, `${h.nameEn} (${h.nameKo})`, [regionId.get(h.district)], h.location.lat, h.location.lng, h.demoBeds],
      );
    }
    for (const d of SEOUL_DISTRICTS) {
      const rid = regionId.get(d.nameEn)!;
      // Stations and centres are placed near the district office: demo positions, not their real addresses.
      await m.query(
        `INSERT INTO agency (code, kind, name, region_ids, lat, lng) VALUES
           ($1, 'police', $2, $3, $4, $5), ($6, 'fire', $7, $3, $8, $9), ($10, 'community', $11, $3, $12, $13)`,
        [
          `P-${d.code}`,
          policeStationName(d.nameEn, d.nameKo),
          [rid],
          d.office.lat + 0.004,
          d.office.lng - 0.004,
          `F-${d.code}`,
          fireStationName(d.nameEn, d.nameKo),
          d.office.lat - 0.004,
          d.office.lng + 0.004,
          `C-${d.code}`,
          `${d.nameEn} Mental Health Welfare Centre (${d.nameKo}정신건강복지센터)`,
          d.office.lat + 0.002,
          d.office.lng + 0.003,
        ],
      );
    }

    const teamIds: string[] = [];
    for (const [i, d] of SEOUL_DISTRICTS.entries()) {
      const [row] = (await m.query(
        `INSERT INTO team (callsign, region_id, base_lat, base_lng, skills, size) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id`,
        [
          `${short(d.nameEn).toUpperCase()}-1`,
          regionId.get(d.nameEn),
          d.office.lat - 0.002,
          d.office.lng - 0.003,
          SKILL_ROTATION[i % SKILL_ROTATION.length],
          i % 5 === 4 ? 3 : 2,
        ],
      )) as [{ id: string }];
      teamIds.push(row.id);
    }
    // Two joint police + mental health teams of the metropolitan centre cover every district.
    const all = [...regionId.values()];
    const jung = SEOUL_DISTRICTS.find((d) => d.nameEn === 'Jung-gu')!;
    for (const callsign of ['JOINT-1', 'JOINT-2']) {
      const [row] = (await m.query(
        `INSERT INTO team (callsign, region_id, covered_region_ids, base_lat, base_lng, skills, size) VALUES ($1,$2,$3,$4,$5,$6,4) RETURNING id`,
        [
          callsign,
          regionId.get('Jung-gu'),
          all,
          jung.office.lat + 0.003,
          jung.office.lng + 0.002,
          ['psychiatrist', 'english'],
        ],
      )) as [{ id: string }];
      teamIds.push(row.id);
    }
    for (const start of shiftStarts(now, 8)) {
      await m.query(
        `INSERT INTO shift (team_id, starts_at, ends_at) SELECT unnest($1::uuid[]), $2::timestamptz, $2::timestamptz + interval '24 hours'`,
        [teamIds, start.toISOString()],
      );
    }

    for (const c of DEMO_CLIENTS) {
      const [hospital] = c.hospital
        ? ((await m.query(`SELECT id FROM agency WHERE code = $1`, [c.hospital])) as { id: string }[])
        : [];
      const region = regionId.get(c.district) ?? null;
      // Registered with their district's centre, on the person's consent (demo records).
      await m.query(
        `INSERT INTO client (display_name, phone_numbers, phone_digits, region_id, case_manager, safety_plan, risk_flags,
           guardian_contact, preferred_hospital_id, birth_year, registered_with_agency_id, basis_kind, basis_scope, basis_at,
           caution_weapon, caution_violence, safety_plan_updated_at)
         VALUES ($1,$2,$3,$4,$5,$6::jsonb,$7,$8,$9,$10,
           (SELECT id FROM agency WHERE kind = 'community' AND region_ids @> ARRAY[$4::uuid] ORDER BY code LIMIT 1),
           'consent', 'case management and crisis response by the district centre and the crisis line', now(), $11, $12, now())`,
        [
          c.name,
          c.phones,
          c.phones.map((p) => normalisePhone(p)!),
          region,
          c.caseManager,
          JSON.stringify(c.safetyPlan),
          c.riskFlags,
          c.guardian,
          hospital?.id ?? null,
          c.birthYear,
          c.riskFlags.includes('weapon-access'),
          c.riskFlags.includes('violence'),
        ],
      );
    }

    const jungTeam = teamIds[SEOUL_DISTRICTS.findIndex((d) => d.nameEn === 'Jung-gu')]!;
    const [smc] = (await m.query(`SELECT id FROM agency WHERE code = 'H-SMC'`)) as [{ id: string }];
    const [police] = (await m.query(`SELECT id FROM agency WHERE code = 'P-11140'`)) as [{ id: string }];
    const [jungCentre] = (await m.query(`SELECT id FROM agency WHERE code = 'C-11140'`)) as [{ id: string }];
    const [mapoCentre] = (await m.query(`SELECT id FROM agency WHERE code = 'C-11440'`)) as [{ id: string }];
    const users: { username: string; role: Role; name: string; teamId?: string; agencyId?: string; note: string }[] = [
      { username: 'supervisor', role: 'supervisor', name: 'Demo Supervisor', note: 'shift supervisor' },
      { username: 'coordinator', role: 'coordinator', name: 'Demo Coordinator', note: 'dispatch coordinator' },
      { username: 'counselor', role: 'counselor', name: 'Demo Counselor', note: 'hotline counselor' },
      { username: 'counselor2', role: 'counselor', name: 'Demo Counselor 2', note: 'second hotline counselor' },
      {
        username: 'responder',
        role: 'responder',
        name: 'Demo Responder',
        teamId: jungTeam,
        note: 'member of team JUNG-1',
      },
      {
        username: 'hospital',
        role: 'agency',
        name: 'Seoul Medical Center ER',
        agencyId: smc.id,
        note: 'agency user, Seoul Medical Center',
      },
      {
        username: 'police',
        role: 'agency',
        name: 'Jungbu Police Station',
        agencyId: police.id,
        note: 'agency user, Jungbu Police Station',
      },
      {
        username: 'centre',
        role: 'agency',
        name: 'Jung-gu MHWC',
        agencyId: jungCentre.id,
        note: 'agency user, Jung-gu community mental health centre',
      },
      {
        username: 'centre2',
        role: 'agency',
        name: 'Mapo-gu MHWC',
        agencyId: mapoCentre.id,
        note: 'agency user, Mapo-gu community mental health centre',
      },
    ];
    for (const u of users) {
      await m.query(
        `INSERT INTO app_user (username, password_hash, display_name, role, team_id, agency_id) VALUES ($1,$2,$3,$4,$5,$6)
         ON CONFLICT ((lower(username))) DO NOTHING`,
        [u.username, passwordHash, u.name, u.role, u.teamId ?? null, u.agencyId ?? null],
      );
    }
    await m.query(
      `INSERT INTO audit (actor_username, actor_role, action, entity_type, details) VALUES ('system', 'system', 'demo.seeded', 'database', $1)`,
      [
        JSON.stringify({
          regions: SEOUL_DISTRICTS.length,
          teams: teamIds.length,
          users: users.length,
          clients: DEMO_CLIENTS.length,
        }),
      ],
    );
    return { password: DEMO_PASSWORD, users: users.map(({ username, role, note }) => ({ username, role, note })) };
  });
}
