// Runs the built `batch` or `worker` command in this process, as `convolab <name> …` will once the
// CLI registry lists them: `node test/batch/run-command.mjs batch RECIPE --input …`.
import { parseCommandArgs } from '../../dist/cli/args.js';
import { processContext } from '../../dist/cli/main.js';

const [name, ...argv] = process.argv.slice(2);
const { command } = await import(`../../dist/cli/commands/${name}.js`);
const controller = new AbortController();
const onSignal = () => {
  if (controller.signal.aborted) process.exit(130);
  controller.abort(new Error('signal'));
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);
try {
  const args = parseCommandArgs(command, argv);
  process.exitCode = await command.run(args, processContext(controller.signal));
} catch (err) {
  process.stderr.write(`convolab ${name}: ${err.message}\n`);
  process.exitCode = err.name === 'UsageError' ? 2 : 1;
}
