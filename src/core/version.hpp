#pragma once
namespace nofly::core {
/// The program's version, as printed by `nofly --version`.
inline constexpr const char* kVersion = "0.1.0";
} // namespace nofly::core
