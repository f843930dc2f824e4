// Per-command option tables: the one parser and the one help printer (see options.h).
#include "tools/petrel/options.h"

#include <cstdio>
#include <cstring>

#include "crypto/util/wipe.h"

namespace petrel_tool {

namespace {

const Option* find_option(const std::vector<Option>& options, const std::string& name) {
  for (const Option& o : options) {
    if (name == o.m_name) {
      return &o;
    }
  }
  return nullptr;
}

}  // namespace

void print_help(std::FILE* to, const CommandHelp& help, const std::vector<Option>& options) {
  std::fprintf(to, "usage: petrel %s %s\n", help.m_cmd, help.m_synopsis);
  constexpr size_t kColumn = 24;
  for (const Option& o : options) {
    std::string left = std::string("  -") + o.m_name;
    if (o.m_arg != nullptr) {
      left += ' ';
      left += o.m_arg;
    }
    left += left.size() < kColumn ? std::string(kColumn - left.size(), ' ') : std::string("  ");
    std::fprintf(to, "%s%s\n", left.c_str(), o.m_help);
  }
  std::fputs("  -help                 print this help\n", to);
  if (help.m_families != nullptr) {
    std::fputs(help.m_families, to);
  }
  if (help.m_notes != nullptr) {
    std::fputs(help.m_notes, to);
  }
}

Parsed parse_options(const CommandHelp& help, const std::vector<Option>& options, int argc,
                     char** argv, std::vector<std::string>* operands, const OtherOption& other) {
  ArgScanner args(help.m_cmd, argc, argv);
  std::string name;
  while (args.next(&name)) {
    if (name == "help" || name == "h") {
      print_help(stdout, help, options);
      return Parsed::help;
    }
    const Option* o = find_option(options, name);
    if (o == nullptr) {
      bool error_reported = false;
      if (other && other(name, &args, &error_reported)) {
        if (error_reported) {
          return Parsed::error;
        }
        continue;
      }
      fail(help.m_cmd, "unknown option -%s (see 'petrel help %s')", name.c_str(), help.m_cmd);
      return Parsed::error;
    }
    if (o->m_seen != nullptr) {
      *o->m_seen = true;
    }
    if (o->m_choice != nullptr) {
      *o->m_choice = o->m_choice_value;
      continue;
    }
    if (o->m_arg == nullptr) {
      *o->m_flag = o->m_set_to;
      continue;
    }
    std::string v;
    if (!args.value(name, &v)) {
      return Parsed::error;
    }
    if (o->m_values != nullptr) {
      o->m_values->push_back(v);
    } else {
      *o->m_value = v;
    }
    // A value may be a key (dgst -hmac): the copy made here does not outlive the parse.
    if (!v.empty()) {
      petrel::secure_wipe(&v[0], v.size());
    }
  }
  const std::vector<std::string> rest = args.operands();
  if (operands != nullptr) {
    *operands = rest;
  } else if (!rest.empty()) {
    fail(help.m_cmd, "unexpected argument '%s'", rest[0].c_str());
    return Parsed::error;
  }
  return Parsed::ok;
}

}  // namespace petrel_tool
