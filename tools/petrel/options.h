// Per-command option tables of the petrel tool: each command declares its options once, as a
// table of Option rows, and both the parser (parse_options) and the help (print_help) read that
// table, so an option cannot be accepted without being listed or listed without being accepted.
//
// One error convention for every command that uses it: an unknown option is
//   petrel CMD: unknown option -NAME (see 'petrel help CMD')
// a missing argument is
//   petrel CMD: option -NAME needs an argument
// (ArgScanner), and a bad value is reported by the command with the option's name in it.
#ifndef PETREL_TOOLS_PETREL_OPTIONS_H
#define PETREL_TOOLS_PETREL_OPTIONS_H

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "tools/petrel/tool.h"

namespace petrel_tool {

// One option: "-name" alone (a flag, m_arg nullptr) or "-name ARG". Where the parser stores
// it: a flag sets *m_flag; an argument goes to *m_value (given twice, the last one counts, as in
// openssl) or is appended to *m_values (options that may be given several times, -sigopt).
// A flag stores m_set_to (true, or false for a flag that undoes another: enc -e after -d).
// *m_seen, when given, is set when the option appears (to tell "-K ''" from no -K).
// A choice is a flag of a group that sets one int (s_client -tls1 | -tls1_1 | -tls1_2): it
// stores m_choice_value in *m_choice, so the last one given counts.
struct Option {
  const char* m_name;  // without the dash
  const char* m_arg;   // the argument's name in the help ("FILE", "PEM|DER"); nullptr: a flag
  const char* m_help;  // one line
  bool* m_flag = nullptr;
  std::string* m_value = nullptr;
  std::vector<std::string>* m_values = nullptr;
  bool* m_seen = nullptr;
  bool m_set_to = true;
  int* m_choice = nullptr;
  int m_choice_value = 0;
};

inline Option flag(const char* name, const char* help, bool* target, bool set_to = true) {
  return Option{name, nullptr, help, target, nullptr, nullptr, nullptr, set_to};
}
inline Option value(const char* name, const char* arg, const char* help, std::string* target,
                    bool* seen = nullptr) {
  return Option{name, arg, help, nullptr, target, nullptr, seen, true};
}
inline Option values(const char* name, const char* arg, const char* help,
                     std::vector<std::string>* target) {
  return Option{name, arg, help, nullptr, nullptr, target, nullptr, true};
}

inline Option choice(const char* name, const char* help, int* target, int set_to) {
  return Option{name, nullptr, help, nullptr, nullptr, nullptr, nullptr, true, target, set_to};
}

// What a command is called and what its help says around the option list.
struct CommandHelp {
  const char* m_cmd;       // "ec"
  const char* m_synopsis;  // after "usage: petrel ec ": "[options]", "[options] [BITS]"
  const char* m_notes;     // lines after the option list (each "  ...\n"); may be nullptr
  // Options that are families rather than names (dgst's -DIGEST, enc's -CIPHER): one line each
  // in the help, "  -DIGEST   ...". May be nullptr.
  const char* m_families;
};

// Prints "usage: petrel CMD SYNOPSIS", the table (one "  -name ARG   help" line each), the
// families and the notes.
void print_help(std::FILE* to, const CommandHelp& help, const std::vector<Option>& options);

enum class Parsed { ok, help, error };

// An option that is not in the table goes to `other` (when given) before it counts as unknown:
// other returns true when it took the option (then *error_reported tells whether it failed
// and has printed its message).
using OtherOption =
    std::function<bool(const std::string& name, ArgScanner* args, bool* error_reported)>;

// Parses argv (argv[0] is the command) against the table. -help (and --help, -h) prints the
// help on stdout: Parsed::help (exit 0). An unknown option or a missing argument prints one line
// on stderr: Parsed::error. *operands receives the arguments after the options; with
// operands == nullptr, any operand is an error ("unexpected argument 'x'").
Parsed parse_options(const CommandHelp& help, const std::vector<Option>& options, int argc,
                     char** argv, std::vector<std::string>* operands,
                     const OtherOption& other = nullptr);

// Parsed::help -> kExitOk, Parsed::error -> kExitFail (for `return parsed_exit(p);`).
inline int parsed_exit(Parsed p) { return p == Parsed::help ? kExitOk : kExitFail; }

}  // namespace petrel_tool

#endif  // PETREL_TOOLS_PETREL_OPTIONS_H
