import type { CallView, Category, DispatchView, DispositionCode, HandoffView, IncidentView, LatLng } from '#contracts';
import { localParts } from '#dispatch';
import { haversineKm } from '#geo';
import type { RecommendationView } from '#contracts';
import { SimulatorApi } from './client.js';
import {
  between,
  CALLS_PER_HOUR,
  CATEGORY_MIX,
  FIELD_CATEGORIES,
  nextArrivalSeconds,
  pickWeighted,
  triageAnswers,
  type SimulateOptions,
} from './traffic-model.js';
import { seededRandom, type Random } from './seeded-random.js';
import { prepareWorld, randomPlace, type SimTeam, type SimWorld } from './world.js';

// The simulated centre: calls arrive by the hour-of-day profile, counselors triage them, field categories become
// incidents, the coordinator offers the recommended team, teams accept (or decline), drive toward the incident
// reporting their position, arrive, hand over to the hospital (which accepts or declines) and clear, and the
// coordinator closes. Simulated time runs `speed` times faster than the wall clock; every step is a real API call.

const MIN = 60_000;
const TEAM_KMH = 30;
const CENTRE_TIME_ZONE = 'Asia/Seoul';

export interface SimulationStats {
  simulatedHours: number;
  calls: number;
  incidents: number;
  offers: number;
  accepted: number;
  declined: number;
  onScene: number;
  handoffs: number;
  handoffsAccepted: number;
  handoffsDeclined: number;
  closed: number;
  requests: number;
  refused: Record<string, number>;
}

interface Task {
  at: number;
  seq: number;
  run: () => Promise<void>;
}

export class Simulator {
  private readonly api: SimulatorApi;
  private readonly random: Random;
  private readonly tasks: Task[] = [];
  private seq = 0;
  private simNow = 0;
  private world!: SimWorld;
  private readonly stats = {
    calls: 0,
    incidents: 0,
    offers: 0,
    accepted: 0,
    declined: 0,
    onScene: 0,
    handoffs: 0,
    handoffsAccepted: 0,
    handoffsDeclined: 0,
    closed: 0,
  };

  constructor(
    private readonly o: SimulateOptions,
    private readonly log: (line: string) => void = (line) => console.log(line),
  ) {
    this.api = new SimulatorApi(o.url);
    this.random = seededRandom(o.seed);
  }

  private after(simMs: number, run: () => Promise<void>): void {
    this.tasks.push({ at: this.simNow + simMs, seq: this.seq++, run });
  }

  private rand(min: number, max: number): number {
    return between(min, max, this.random);
  }

  /** Runs for `minutes` of wall-clock time and answers what it did. */
  async run(): Promise<SimulationStats> {
    this.world = await prepareWorld(this.api, this.o, this.log);
    const start = Date.now();
    const end = start + this.o.minutes * MIN;
    this.simNow = start;
    this.after(0, () => this.arrival());
    let lastReport = start;
    while (Date.now() < end) {
      this.simNow = start + (Date.now() - start) * this.o.speed;
      this.tasks.sort((a, b) => a.at - b.at || a.seq - b.seq);
      while (this.tasks.length > 0 && this.tasks[0].at <= this.simNow) {
        const task = this.tasks.shift()!;
        await task.run().catch((e: unknown) => this.log(`step failed: ${(e as Error).message}`));
      }
      if (Date.now() - lastReport >= 10_000) {
        lastReport = Date.now();
        this.log(this.progress());
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    const result = {
      simulatedHours: ((Date.now() - start) * this.o.speed) / 3_600_000,
      ...this.stats,
      requests: this.api.requests,
      refused: Object.fromEntries(this.api.errors),
    };
    this.log(this.progress());
    return result;
  }

  private progress(): string {
    const s = this.stats;
    const clock = localParts(new Date(this.simNow), CENTRE_TIME_ZONE);
    return `[sim ${String(clock.hour).padStart(2, '0')}:${String(clock.minute).padStart(2, '0')}] calls ${s.calls} · incidents ${s.incidents} · offers ${s.offers} · accepted ${s.accepted} · on scene ${s.onScene} · handoffs ${s.handoffs} (${s.handoffsAccepted} accepted) · closed ${s.closed}`;
  }

  /** The next call of the Poisson stream whose rate follows the simulated hour of day in Seoul. */
  private async arrival(): Promise<void> {
    const hour = localParts(new Date(this.simNow), CENTRE_TIME_ZONE).hour;
    this.after(nextArrivalSeconds(CALLS_PER_HOUR[hour] * this.o.rate, this.random) * 1000, () => this.arrival());
    await this.newCall();
  }

  private async newCall(): Promise<void> {
    const { counselor } = this.world;
    const channel = pickWeighted({ phone: 0.82, text: 0.08, police: 0.06, fire: 0.04 }, this.random);
    const call = await this.api.post<CallView>('/calls', counselor, { channel });
    if (call.status !== 201) return;
    this.stats.calls++;
    const category = pickWeighted(CATEGORY_MIX, this.random);
    const field = FIELD_CATEGORIES.has(category) || (category === 'D' && this.random() < 0.5);
    this.after(this.rand(2, 8) * MIN, async () => {
      if ((await this.api.post(`/calls/${call.body.id}/triage`, counselor, triageAnswers(category))).status !== 201)
        return;
      if (field) this.after(this.rand(1, 3) * MIN, () => this.newIncident(call.body.id, category));
      else
        this.after(this.rand(5, 20) * MIN, () =>
          this.endCall(
            call.body.id,
            pickWeighted(
              { 'closed-after-counselling': 0.6, 'information-given': 0.25, 'linked-to-case-management': 0.15 },
              this.random,
            ),
          ),
        );
    });
  }

  private async endCall(callId: string, outcome: string): Promise<void> {
    await this.api.post(`/calls/${callId}/end`, this.world.counselor, { outcome });
  }

  private async newIncident(callId: string, category: Category): Promise<void> {
    const incident = await this.api.post<IncidentView>('/incidents', this.world.counselor, {
      callId,
      location: randomPlace(this.world.regions, this.random),
    });
    if (incident.status !== 201) return;
    this.stats.incidents++;
    this.after(this.rand(2, 6) * MIN, () => this.endCall(callId, 'field-dispatch'));
    await this.offer(incident.body, category, 0);
  }

  /** The coordinator offers the best recommended team the simulation plays; none free: look again shortly. */
  private async offer(incident: IncidentView, category: Category, attempt: number): Promise<void> {
    const { coordinator } = this.world;
    const recs = await this.api.get<RecommendationView[]>(`/incidents/${incident.id}/recommendations`, coordinator);
    let team: SimTeam | null = null;
    for (const r of recs.status === 200 ? recs.body : []) if ((team = await this.world.team(r.teamId))) break;
    const retry = () =>
      attempt < 20 && this.after(this.rand(2, 4) * MIN, () => this.offer(incident, category, attempt + 1));
    if (!team) return void retry();
    const dispatch = await this.api.post<DispatchView>(`/incidents/${incident.id}/dispatches`, coordinator, {
      teamId: team.id,
    });
    if (dispatch.status !== 201) return void retry();
    this.stats.offers++;
    this.after(this.rand(15, 50) * 1000, () => this.answerOffer(dispatch.body, team, incident, category, attempt));
  }

  private async answerOffer(
    dispatch: DispatchView,
    team: SimTeam,
    incident: IncidentView,
    category: Category,
    attempt: number,
  ): Promise<void> {
    if (this.random() < 0.08) {
      await this.api.post(`/dispatches/${dispatch.id}/decline`, team.token, { reason: 'Already on another call' });
      this.stats.declined++;
      this.after(30_000, () => this.offer(incident, category, attempt + 1));
      return;
    }
    if ((await this.api.post(`/dispatches/${dispatch.id}/accept`, team.token)).status !== 200) return;
    this.stats.accepted++;
    const km = haversineKm(team.position, incident.location);
    const travelMs = (this.rand(2, 5) + (km / TEAM_KMH) * 60) * MIN;
    this.drive(team, team.position, incident.location, travelMs, 0, () => this.arrive(team, incident, category));
  }

  /** Position reports every 2 simulated minutes along the straight line, then `arrived`. */
  private drive(
    team: SimTeam,
    from: LatLng,
    to: LatLng,
    totalMs: number,
    doneMs: number,
    arrived: () => Promise<void>,
  ): void {
    const step = Math.min(2 * MIN, totalMs - doneMs);
    this.after(step, async () => {
      const done = doneMs + step;
      const f = totalMs > 0 ? done / totalMs : 1;
      team.position = { lat: from.lat + (to.lat - from.lat) * f, lng: from.lng + (to.lng - from.lng) * f };
      await this.api.post(`/teams/${team.id}/location`, team.token, team.position);
      if (done >= totalMs) await arrived();
      else this.drive(team, from, to, totalMs, done, arrived);
    });
  }

  private async arrive(team: SimTeam, incident: IncidentView, category: Category): Promise<void> {
    if ((await this.api.post(`/teams/${team.id}/status`, team.token, { status: 'on-scene' })).status !== 200) return;
    this.stats.onScene++;
    const hospital = this.world.hospital;
    const needsBed = hospital !== null && (category === 'A' || category === 'B') && this.random() < 0.6;
    if (!needsBed) {
      this.after(this.rand(20, 60) * MIN, () => this.clear(team, incident, 'stabilised-guardian'));
      return;
    }
    this.after(this.rand(10, 30) * MIN, async () => {
      const handoff = await this.api.post<HandoffView>(`/incidents/${incident.id}/handoffs`, team.token, {
        agencyId: hospital.agencyId,
        kind: 'hospital',
        reason: 'Psychiatric emergency evaluation',
      });
      if (handoff.status !== 201) return this.after(10 * MIN, () => this.clear(team, incident, 'stabilised-guardian'));
      this.stats.handoffs++;
      this.after(this.rand(3, 15) * MIN, () => this.hospitalAnswers(handoff.body.id, team, incident));
    });
  }

  /** The hospital accepts most requests (Korean refusals of police-backed admissions: 4.1 % in 2025, more without). */
  private async hospitalAnswers(handoffId: string, team: SimTeam, incident: IncidentView): Promise<void> {
    const hospital = this.world.hospital!;
    if (this.random() < 0.15) {
      await this.api.post(`/handoffs/${handoffId}/decline`, hospital.token, {
        reasonCode: pickWeighted(
          { 'no-beds': 0.6, 'no-psychiatrist': 0.3, 'medical-clearance-needed': 0.1 },
          this.random,
        ),
      });
      this.stats.handoffsDeclined++;
      this.after(this.rand(10, 20) * MIN, () => this.clear(team, incident, 'stabilised-guardian'));
      return;
    }
    if ((await this.api.post(`/handoffs/${handoffId}/accept`, hospital.token)).status !== 200) return;
    this.stats.handoffsAccepted++;
    await this.api.post(`/teams/${team.id}/status`, team.token, { status: 'transporting' });
    this.after(this.rand(15, 35) * MIN, async () => {
      await this.api.post(`/handoffs/${handoffId}/complete`, hospital.token);
      await this.clear(team, incident, 'emergency-admission');
    });
  }

  private async clear(team: SimTeam, incident: IncidentView, disposition: DispositionCode): Promise<void> {
    await this.api.post(`/teams/${team.id}/status`, team.token, { status: 'available' });
    this.after(this.rand(1, 5) * MIN, async () => {
      if (
        (await this.api.post(`/incidents/${incident.id}/close`, this.world.coordinator, { disposition })).status === 200
      )
        this.stats.closed++;
    });
  }
}
