/* How a run stops before its end: Ctrl-C or SIGTERM (the first one: no
 * input is read after it, what was read is written out whole, then pith
 * dies of the signal; a second one: at once), or an output that cannot be
 * written. What the rest of the tool asks of it (cli_stopping,
 * cli_stop_fd, cli_stop_run, cli_temporary) is in cli.h; this is main's
 * part. */
#ifndef PITH_CLI_STOP_H
#define PITH_CLI_STOP_H

/* Catches SIGINT and SIGTERM (unless they were ignored when pith started:
 * nohup, a shell's background job). */
void stop_catch_signals(void);

/* The signal that stopped the run (SIGINT or SIGTERM), or 0. */
int stop_signal_caught(void);

/* Whether the run stopped because its output cannot be written. */
int stop_output_broken(void);

/* Dies of the signal that stopped the run (an exit status otherwise). */
int stop_die_of_signal(void);

#endif
