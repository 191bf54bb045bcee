import { Simulator } from './simulate/simulator.js';
import { parseSimulateArgs } from './simulate/traffic-model.js';

// npm run simulate -- [--url http://127.0.0.1:3000] [--minutes 10] [--speed 60] [--rate 1] [--seed 1577]
//   [--password demo-1577-0199] [--admin-password …]
// Realistic traffic against a running server with the demo data; never started by the server itself.

export async function main(argv: readonly string[]): Promise<number> {
  let options;
  try {
    options = parseSimulateArgs(argv, process.env);
  } catch (e) {
    console.error((e as Error).message);
    return 2;
  }
  console.log(`simulating ${options.minutes} min at ${options.speed}× against ${options.url}`);
  try {
    const stats = await new Simulator(options).run();
    console.log(JSON.stringify(stats, null, 2));
    return 0;
  } catch (e) {
    console.error(`simulation stopped: ${(e as Error).message}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
