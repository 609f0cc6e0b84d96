# Writes the man page nofly.1 from the program's own help, so that it lists
# every command and every option exactly as `nofly --help` and
# `nofly COMMAND --help` print them. Run at build time (src/CMakeLists.txt):
#   cmake -DNOFLY=path/to/nofly -DOUT=nofly.1 -DVERSION=0.1.0 -P cmake/manpage.cmake
# CLI11 prints a help as: description lines, "Usage: ...", then sections
# ("Positionals:", "Options:", "Subcommands:") of items "  NAME  DESCRIPTION",
# then the footer.
cmake_minimum_required(VERSION 3.20)
foreach(var NOFLY OUT VERSION)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "manpage.cmake: -D${var}=... is missing")
  endif()
endforeach()

# The help of `nofly ARGN`, split into lines. Semicolons, brackets and
# backslashes are stood in for, as CMake lists would split or escape on them.
function(read_help out_lines)
  execute_process(COMMAND "${NOFLY}" ${ARGN} --help
                  OUTPUT_VARIABLE text ERROR_VARIABLE err RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "manpage.cmake: '${NOFLY} ${ARGN} --help' failed (${rc}): ${err}")
  endif()
  string(REPLACE "\\" "@NOFLY_BS@" text "${text}")
  string(REPLACE ";" "@NOFLY_SEMI@" text "${text}")
  string(REPLACE "[" "@NOFLY_LB@" text "${text}")
  string(REPLACE "]" "@NOFLY_RB@" text "${text}")
  string(REPLACE "\n" ";" lines "${text}")
  set(${out_lines} "${lines}" PARENT_SCOPE)
endfunction()

# Text as roff: the stand-ins back, backslashes escaped, no line that starts
# with a control character. With DASHES, every '-' becomes a real minus (\-),
# as option names must be for copying and searching.
function(roff out text)
  set(s "${text}")
  if(ARGN STREQUAL "DASHES")
    string(REPLACE "-" "\\-" s "${s}")
  endif()
  string(REPLACE "@NOFLY_BS@" "\\e" s "${s}")
  string(ASCII 59 semicolon)
  string(REPLACE "@NOFLY_SEMI@" "${semicolon}" s "${s}")
  string(REPLACE "@NOFLY_LB@" "[" s "${s}")
  string(REPLACE "@NOFLY_RB@" "]" s "${s}")
  if(s MATCHES "^[.']")
    set(s "\\&${s}")
  endif()
  set(${out} "${s}" PARENT_SCOPE)
endfunction()

# Parses a help into variables of the caller, prefixed by `prefix`:
#   _description  the lines before "Usage:", as one paragraph
#   _usage        the usage line without "Usage: "
#   _footer       the lines after the last section
#   _sections     the section names in order ("Positionals", "Options", ...)
#   _<section>    the items of a section, each "NAME@NOFLY_TAB@DESCRIPTION"
function(parse_help prefix)
  read_help(lines ${ARGN})
  set(state description)
  set(description "")
  set(usage "")
  set(footer "")
  set(sections "")
  set(section "")
  set(items "")
  foreach(line IN LISTS lines)
    if(state STREQUAL "description")
      if(line MATCHES "^Usage: (.*)$")
        set(usage "${CMAKE_MATCH_1}")
        set(state body)
      elseif(NOT line STREQUAL "")
        string(APPEND description " ${line}")
      endif()
    elseif(line MATCHES "^([A-Za-z]+):$")
      if(section)
        set(_${section} "${items}")
      endif()
      set(section "${CMAKE_MATCH_1}")
      list(APPEND sections "${section}")
      set(items "")
    elseif(line MATCHES "^  [^ ]" AND section)
      # "  NAME<two or more spaces>DESCRIPTION"; a long NAME may stand alone
      string(SUBSTRING "${line}" 2 -1 rest)
      string(FIND "${rest}" "  " gap)
      if(gap EQUAL -1)
        set(name "${rest}")
        set(desc "")
      else()
        string(SUBSTRING "${rest}" 0 ${gap} name)
        string(SUBSTRING "${rest}" ${gap} -1 desc)
        string(STRIP "${desc}" desc)
      endif()
      list(APPEND items "${name}@NOFLY_TAB@${desc}")
    elseif(line MATCHES "^    +([^ ].*)$" AND items)
      # the description of the last item goes on
      list(POP_BACK items last)
      string(APPEND last " ${CMAKE_MATCH_1}")
      list(APPEND items "${last}")
    elseif(line STREQUAL "")
      if(section)
        set(_${section} "${items}")
      endif()
    else()
      string(APPEND footer "${line}\n")
    endif()
  endforeach()
  if(section)
    set(_${section} "${items}")
  endif()
  string(STRIP "${description}" description)
  set(${prefix}_description "${description}" PARENT_SCOPE)
  set(${prefix}_usage "${usage}" PARENT_SCOPE)
  set(${prefix}_footer "${footer}" PARENT_SCOPE)
  set(${prefix}_sections "${sections}" PARENT_SCOPE)
  foreach(s IN LISTS sections)
    set(${prefix}_${s} "${_${s}}" PARENT_SCOPE)
  endforeach()
endfunction()

# One item as a tagged paragraph: the option names in bold, what follows
# them (its type, default, repeat marks) in italics.
function(roff_item out item)
  string(FIND "${item}" "@NOFLY_TAB@" tab)
  string(SUBSTRING "${item}" 0 ${tab} name)
  math(EXPR after "${tab} + 11")
  string(SUBSTRING "${item}" ${after} -1 desc)
  string(STRIP "${desc}" desc)
  string(FIND "${name}" " " space)
  if(space EQUAL -1)
    roff(flag "${name}" DASHES)
    set(head "\\fB${flag}\\fR")
  else()
    string(SUBSTRING "${name}" 0 ${space} flag)
    math(EXPR space "${space} + 1")
    string(SUBSTRING "${name}" ${space} -1 arg)
    roff(flag "${flag}" DASHES)
    roff(arg "${arg}")
    set(head "\\fB${flag}\\fR \\fI${arg}\\fR")
  endif()
  roff(desc "${desc}")
  set(${out} ".TP\n${head}\n${desc}\n" PARENT_SCOPE)
endfunction()

function(roff_items out heading)
  set(text "")
  if(heading)
    string(APPEND text ".PP\n\\fB${heading}\\fR\n")
  endif()
  foreach(item IN LISTS ARGN)
    roff_item(one "${item}")
    string(APPEND text "${one}")
  endforeach()
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

# --- the program ------------------------------------------------------------
parse_help(top)
if(NOT top_Subcommands)
  message(FATAL_ERROR "manpage.cmake: '${NOFLY} --help' lists no commands")
endif()
# "nofly: an educational ... simulator. Loads YAML ..." -> NAME and DESCRIPTION
string(REGEX REPLACE "^nofly: *" "" about "${top_description}")
string(REGEX MATCH "^[^.]*" name_line "${about}")
roff(about "${about}")
set(about "\\fBnofly\\fR is ${about}")

set(page ".\\\" Generated by cmake/manpage.cmake from nofly --help; do not edit.\n")
string(APPEND page ".TH NOFLY 1 \"\" \"nofly ${VERSION}\" \"User Commands\"\n")
string(APPEND page ".SH NAME\nnofly \\- ${name_line}\n")
string(APPEND page ".SH SYNOPSIS\n.B nofly\n[\\fB\\-\\-help\\fR] [\\fB\\-\\-version\\fR]\n.I COMMAND\n[\\fIOPTIONS\\fR]\n")
string(APPEND page ".SH DESCRIPTION\n${about}\n.PP\n")
string(APPEND page "Each command below is listed with its arguments and options as \\fBnofly \\fICOMMAND\\fB \\-\\-help\\fR prints them.\n")
string(APPEND page ".SH OPTIONS\n")
roff_items(text "" ${top_Options})
string(APPEND page "${text}")

# --- every command ----------------------------------------------------------
string(APPEND page ".SH COMMANDS\n")
foreach(item IN LISTS top_Subcommands)
  string(FIND "${item}" "@NOFLY_TAB@" tab)
  string(SUBSTRING "${item}" 0 ${tab} command)
  parse_help(cmd ${command})
  if(cmd_Subcommands)
    message(FATAL_ERROR "manpage.cmake: 'nofly ${command}' has commands of its own; teach this script to list them")
  endif()
  roff(usage "${cmd_usage}" DASHES)
  roff(description "${cmd_description}")
  string(APPEND page ".SS \"${usage}\"\n${description}\n")
  foreach(section IN LISTS cmd_sections)
    if(section STREQUAL "Positionals")
      set(heading "Arguments")
    else()
      set(heading "${section}")
    endif()
    roff_items(text "${heading}" ${cmd_${section}})
    string(APPEND page "${text}")
  endforeach()
endforeach()

# --- what the help does not say -----------------------------------------------
string(APPEND page [=[
.SH ENVIRONMENT
.TP
.B NOFLY_ASSETS
The folder with nofly's shipped data: \fIbasemap/\fR, \fIairports/\fR and \fImappings/\fR.
Without it, nofly uses \fI../share/nofly/assets\fR beside the folder of the program
when that exists (an installed copy), else the \fIassets/\fR folder of the source tree
it was built from.
\fBnofly \-\-version\fR prints the folder in use and why.
.SH FILES
.TP
.I PREFIX/share/nofly/assets
basemaps (Natural Earth via world-atlas), airports (OurAirports) and import mappings,
with their licences.
.TP
.I PREFIX/share/nofly/scenarios
the shipped scenarios: \fIdenmark_2025/\fR (the flagship, \fIsummit_ban.yaml\fR),
\fItutorial/\fR (lessons for a first-time writer), \fIinvalid/\fR (broken files and
the message each produces) and \fInofly.schema.json\fR for editors.
.TP
.I PREFIX/share/doc/nofly
README.md, LICENSE and \fIdocs/\fR: the scenario language, the command line,
the simulation, detection, the window, real airspace data.
.PP
PREFIX is the folder above the program's \fIbin/\fR (\fI/usr\fR for the Debian package).
]=])
string(APPEND page ".SH EXIT STATUS\n")
string(REGEX MATCH "Exit codes: ([^\n]*)" exit_line "${top_footer}")
if(NOT exit_line)
  message(FATAL_ERROR "manpage.cmake: '${NOFLY} --help' names no exit codes")
endif()
roff(exit_line "${CMAKE_MATCH_1}")
string(APPEND page "${exit_line}\n")
string(APPEND page [=[
.SH EXAMPLES
.nf
nofly check /usr/share/nofly/scenarios/denmark_2025/summit_ban.yaml
nofly run /usr/share/nofly/scenarios/denmark_2025/summit_ban.yaml \-\-out ban
nofly view /usr/share/nofly/scenarios/denmark_2025/summit_ban.yaml \-\-presenter
xvfb\-run \-a nofly render summit_ban.yaml \-\-at 10:30 \-o map.png
.fi
.SH SEE ALSO
\fIdocs/cli.md\fR and \fIdocs/scenario\-language.md\fR in \fIPREFIX/share/doc/nofly\fR.
]=])

file(WRITE "${OUT}.tmp" "${page}")
file(RENAME "${OUT}.tmp" "${OUT}")
