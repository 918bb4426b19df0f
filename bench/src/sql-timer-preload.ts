// Loaded with --import into the server under test (probe.ts --sql); see sql-timer.ts.
import { installSqlTimer } from './sql-timer.ts';

installSqlTimer();
