#include "cli/stop.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"

/* Ctrl-C (or SIGTERM) stops the run between inputs: nothing more is read,
 * what was read is written out whole, then pith dies of the signal as the
 * shell expects. A second one stops at once (removing the temporary
 * files of -o and --errors). */
static volatile sig_atomic_t stop_signal, output_broken;
static const char *volatile stop_unlink[3];
/* Written to by the first signal, so that a wait for standard input
 * (stdin_read) ends however the signal reached the process: a read the
 * handler interrupts restarts (SA_RESTART), and the signal may land on a
 * worker thread. */
static int stop_pipe[2] = {-1, -1};

int cli_stop_fd(void) {
  return stop_pipe[0];
}

int cli_stopping(void) {
  return stop_signal || output_broken;
}

void cli_stop_run(void) {
  output_broken = 1;
}

void cli_temporary(int slot, const char *path) {
  stop_unlink[slot] = path;
}

static void on_stop_signal(int sig) {
  if (stop_signal) {
    for (int i = 0; i < 3; i++)
      if (stop_unlink[i])
        unlink(stop_unlink[i]);
    signal(sig, SIG_DFL);
    raise(sig);
    return;
  }
  stop_signal = sig;
  int saved = errno; /* the interrupted code may be about to read it */
  if (stop_pipe[1] >= 0 && write(stop_pipe[1], "", 1) < 0) {
    /* full (a byte is there already) or closed: nothing to add */
  }
  errno = saved;
}

void stop_catch_signals(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_stop_signal;
  sa.sa_flags = SA_RESTART;
  sigemptyset(&sa.sa_mask);
  /* A signal ignored when pith started (nohup, a shell's background job)
   * stays ignored. */
  if (pipe(stop_pipe) == 0) {
    for (int i = 0; i < 2; i++) {
      fcntl(stop_pipe[i], F_SETFD, FD_CLOEXEC);
      fcntl(stop_pipe[i], F_SETFL, O_NONBLOCK); /* the handler never blocks */
    }
  } else {
    stop_pipe[0] = stop_pipe[1] = -1; /* a wait for input then ends with the input */
  }
  int sigs[2] = {SIGINT, SIGTERM};
  for (int i = 0; i < 2; i++) {
    struct sigaction old;
    if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
      sigaction(sigs[i], &sa, NULL);
  }
}

int stop_die_of_signal(void) {
  int sig = stop_signal;
  signal(sig, SIG_DFL);
  raise(sig);
  return 128 + sig;
}

int stop_signal_caught(void) {
  return stop_signal;
}

int stop_output_broken(void) {
  return output_broken;
}
