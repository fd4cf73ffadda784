#ifndef TONLAGE_CREADLINE_SHIM_H
#define TONLAGE_CREADLINE_SHIM_H

#include <stdio.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <readline/readline.h>
#include <readline/history.h>

/* Readline's globals are mutable C state that Swift 6 cannot see as concurrency-safe;
   these small setters keep every access in C. */

typedef char *(*tonlage_completion_generator)(const char *text, int state);

static tonlage_completion_generator tonlage_generator = NULL;

static char **tonlage_attempted_completion(const char *text, int start, int end) {
    (void)start; (void)end;
    rl_attempted_completion_over = 1; /* no file-name completion */
    return tonlage_generator ? rl_completion_matches(text, tonlage_generator) : NULL;
}

/* Tab completion through a Swift generator; no space appended after a completion. */
static inline void tonlage_set_completion(tonlage_completion_generator generator) {
    tonlage_generator = generator;
    rl_attempted_completion_function = tonlage_attempted_completion;
    rl_completion_append_character = '\0';
}

/* Ctrl-C clears the line being typed and shows a fresh prompt instead of ending the program. */
static void tonlage_sigint(int signo) {
    (void)signo;
    ssize_t ignored = write(STDOUT_FILENO, "\n", 1);
    (void)ignored;
    rl_on_new_line();
    rl_replace_line("", 0);
    rl_redisplay();
}

static inline void tonlage_install_sigint(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = tonlage_sigint;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, NULL);
}

/* A prompt that Ctrl-C leaves (the DM prompt): while readline waits in read(2), its own SIGINT
   handler, installed without SA_RESTART, makes the read fail with EINTR; answering that with a
   line break lets readline run our handler (which empties the line) and then accept the empty
   line, so the caller sees "" and goes back. Everywhere else readline's own rl_getc restarts
   the read, and Ctrl-C only clears the line. */
#include <errno.h>
static int tonlage_getc_leaving_on_interrupt(FILE *stream) {
    unsigned char c;
    ssize_t n = read(fileno(stream), &c, 1);
    if (n == 1) return c;
    if (n < 0 && errno == EINTR) return '\n';
    return EOF;
}

static inline void tonlage_leave_on_interrupt(int leave) {
    rl_getc_function = leave ? tonlage_getc_leaving_on_interrupt : rl_getc;
}

/* strdup for completion results: readline frees them with free(). */
static inline char *tonlage_strdup(const char *text) { return strdup(text); }

#endif
