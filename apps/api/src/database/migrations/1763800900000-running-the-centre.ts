import type { MigrationInterface, QueryRunner } from 'typeorm';

// Running the centre (issue 10): overlapping shifts of one team refused by the database, the centre's own skill
// vocabulary, and an agency contact line.
export class RunningTheCentre1763800900000 implements MigrationInterface {
  name = 'RunningTheCentre1763800900000';

  async up(q: QueryRunner): Promise<void> {
    // btree_gist lets one GiST index compare the team id (=) and the time range (&&) together.
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    // Rosters written before the constraint may overlap. For a team whose shifts overlap, its shifts are replaced by
    // their union: the hours it was on duty stay exactly the same, only the rows are merged.
    await q.query(`
      WITH overlapping AS (
        SELECT DISTINCT a.team_id FROM shift a JOIN shift b
          ON a.team_id = b.team_id AND a.id <> b.id AND tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)
      ), merged AS (
        SELECT s.team_id, unnest(range_agg(tstzrange(s.starts_at, s.ends_at))) AS r
        FROM shift s JOIN overlapping o USING (team_id) GROUP BY s.team_id
      ), removed AS (
        DELETE FROM shift WHERE team_id IN (SELECT team_id FROM overlapping)
      )
      INSERT INTO shift (team_id, starts_at, ends_at) SELECT team_id, lower(r), upper(r) FROM merged`);
    // Half-open ranges: a shift ending at 09:00 and the next starting at 09:00 touch but do not overlap.
    await q.query(`
      ALTER TABLE shift ADD CONSTRAINT ex_shift_team_overlap
        EXCLUDE USING gist (team_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&)`);

    await q.query(`
      CREATE TABLE skill (
        code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9-]{1,39}$'),
        label text NOT NULL,
        label_ko text NOT NULL,
        position integer NOT NULL
      )`);
    // The vocabulary the code shipped with until now (TEAM_SKILLS); a centre adds to it with PUT /skills.
    await q.query(`
      INSERT INTO skill (code, label, label_ko, position) VALUES
        ('adolescent', 'adolescents', '청소년', 1),
        ('addiction', 'addiction', '중독', 2),
        ('elderly', 'older adults', '노인', 3),
        ('female-clinician', 'female clinician', '여성 상담가', 4),
        ('english', 'English', '영어', 5),
        ('chinese', 'Chinese', '중국어', 6),
        ('sign-language', 'sign language', '수어', 7),
        ('psychiatrist', 'psychiatrist', '정신과 전문의', 8)`);
    // Skills a team already carries that the vocabulary lacks join it, so no existing team becomes invalid.
    await q.query(`
      INSERT INTO skill (code, label, label_ko, position)
      SELECT code, code, code, 100 + row_number() OVER (ORDER BY code)
      FROM (SELECT DISTINCT unnest(skills) AS code FROM team) s
      WHERE code ~ '^[a-z][a-z0-9-]{1,39}$'
      ON CONFLICT (code) DO NOTHING`);

    await q.query(`ALTER TABLE agency ADD COLUMN contact text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE agency DROP COLUMN contact`);
    await q.query(`DROP TABLE skill`);
    await q.query(`ALTER TABLE shift DROP CONSTRAINT ex_shift_team_overlap`);
  }
}
