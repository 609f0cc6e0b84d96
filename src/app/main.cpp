#include "app/commands.hpp"

int main(int argc, char** argv) { return nofly::app::runCli(argc, argv); }
