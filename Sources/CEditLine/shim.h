// The C side of LineEditor: libedit's readline-compatible API, and accessors for the C globals
// that Swift 6 (strict concurrency) will not read or write directly. Every access to those
// globals goes through here, so the unsafety stays in one place.
//
// This is libedit's <editline/readline.h>, never GNU readline's header (both may be installed;
// we link libedit).
#ifndef CLAVARD_CEDITLINE_SHIM_H
#define CLAVARD_CEDITLINE_SHIM_H

#include <stdio.h>
#include <stdlib.h>
#include <editline/readline.h>

/// The name libedit uses for `$if` sections of ~/.editrc.
static inline void clavard_rl_set_readline_name(const char *name) { rl_readline_name = name; }

/// Whether libedit installs its own signal handlers while reading a line (it restores the
/// terminal, then passes the signal on to the program's handler).
static inline void clavard_rl_set_catch_signals(int on) { rl_catch_signals = on; }

/// The completion hook: called with the word before the cursor and its bounds; returns a
/// malloc'ed, NULL-terminated array (substitution first, then the matches), or NULL.
static inline void clavard_rl_set_attempted_completion_function(rl_completion_func_t *function) {
  rl_attempted_completion_function = function;
}

/// 1 keeps libedit from falling back to file name completion when the hook returns NULL.
static inline void clavard_rl_set_attempted_completion_over(int over) { rl_attempted_completion_over = over; }

/// What libedit inserts after a unique completion (' ' by default; 0 for nothing).
static inline void clavard_rl_set_completion_append_character(int character) {
  rl_completion_append_character = character;
}

/// How many matches libedit lists without asking "Display all N possibilities?".
static inline void clavard_rl_set_completion_query_items(int count) { rl_completion_query_items = count; }

/// The characters that separate the words completion works on. `characters` must outlive the
/// line editor (pass a string that is never freed).
static inline void clavard_rl_set_word_break_characters(char *characters) {
  rl_basic_word_break_characters = characters;
  rl_completer_word_break_characters = characters;
}

/// The function libedit reads each character with (set before libedit initialises). It
/// returns a character (a Unicode scalar value) or -1 at the end of input.
static inline void clavard_rl_set_getc_function(int (*function)(FILE *)) { rl_getc_function = function; }

/// The line being edited (valid during a completion) and the cursor's byte offset in it.
static inline const char *clavard_rl_line_buffer(void) { return rl_line_buffer; }
static inline int clavard_rl_point(void) { return rl_point; }

/// The C library's standard streams, which Swift 6 cannot name (swiftlang/swift#75601).
static inline FILE *clavard_stdin(void) { return stdin; }
static inline FILE *clavard_stdout(void) { return stdout; }
static inline FILE *clavard_stderr(void) { return stderr; }

#endif
