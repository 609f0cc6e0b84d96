// The Dear ImGui panels of the Viewer: a column on the right with the
// scenario and its variant picker, the clock and its controls, the class's
// questions, the layers, the legend, the metrics and the event ticker; over
// the map, the clock, each pane's label in split view, the inspector, the
// help and the errors of a broken reload. Presenter mode keeps the few panels
// a class reads from the back of the room, in large type and high contrast.
#include "render/detail/viewer.hpp"

#include "report/ballot_box.hpp"
#include "report/ledger.hpp"
#include "report/run_files.hpp"
#include "report/sentences.hpp"
#include "sim/rules.hpp"
#include "sim/simulation.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <sstream>

namespace nofly::render {

using core::Vec2;
using report::Role;

namespace {

ImVec4 toIm(report::Colour c, double alpha = 1.0) {
    return {c.r / 255.f, c.g / 255.f, c.b / 255.f, static_cast<float>(alpha)};
}
ImU32 toU32(report::Colour c, double alpha = 1.0) {
    return ImGui::ColorConvertFloat4ToU32(toIm(c, alpha));
}

/// The colour an event is listed in.
ImVec4 eventColour(sim::EventType type) {
    using T = sim::EventType;
    switch (type) {
    case T::ViolationStart:
    case T::Breach: return toIm(report::paint(Role::DroneViolating).fill);
    case T::Cancellation:
    case T::AuthorisationDenied: return toIm({0x9E, 0x3A, 0x7A});
    case T::Reroute:
    case T::Wait:
    case T::AuthorisationRequested: return toIm({0xA0, 0x60, 0x00});
    case T::AuthorisationGranted: return toIm(report::paint(Role::DroneAuthorised).fill);
    case T::ZoneActivated:
    case T::ZoneAnnounced:
    case T::ZoneDeactivated: return toIm({0x00, 0x5A, 0x8C});
    case T::Note: return toIm({0, 0, 0});
    default: return toIm({0x33, 0x33, 0x33});
    }
}

/// Whether an event is worth a line in the ticker (entries and exits are many and say little). Requests
/// are listed with their answers: they explain a drone waiting on the ground.
bool ticks(sim::EventType type) {
    using T = sim::EventType;
    return type != T::ZoneEntry && type != T::ZoneExit;
}

/// A key and what it does, for the help overlay and docs/window.md.
struct KeyHelp {
    const char* key;
    const char* does;
};
constexpr KeyHelp kKeys[] = {
    {"Space", "play / pause"},
    {"Right or .", "one step forward (pauses)"},
    {"Left", "one minute back (replays from a snapshot)"},
    {"Up or +", "faster (1x ... 10,000x)"},
    {"Down or -", "slower"},
    {"Home / End", "to the start / to the end"},
    {"R", "restart from the start"},
    {"drag / wheel", "pan / zoom around the cursor"},
    {"F", "fit the map to the scenario"},
    {"click", "a drone or a zone: its verdict card"},
    {"Esc", "clear the selection, close this help"},
    {"Z L B", "zones, labels, basemap on / off"},
    {"D T G N", "drones, trails, drones on the ground, sensors"},
    {"P", "presenter mode: large type, high contrast"},
    {"S or F12", "save a PNG screenshot in the current folder"},
    {"V / Shift+V", "next variant (left map / right map)"},
    {"C", "split view: two variants side by side, one clock"},
    {"1 ... 9", "a vote for that choice of the marked question (Shift: take one back)"},
    {"Enter", "reveal the question the clock stopped for (with the votes, or without)"},
    {"K", "call-outs on the map where key events happen (click one for its card)"},
    {"Ctrl+S", "save each variant's report with the class's answers"},
    {"Ctrl+R", "reload the scenario file now"},
    {"F1 or ?", "this help"},
    {"Ctrl+Q", "quit"},
};

} // namespace

sf::Color Viewer::sidebarColour() const {
    return m_presenter ? sf::Color(255, 255, 255) : sf::Color(250, 250, 250);
}

void Viewer::applyGuiStyle() {
    // light panels on a light map; presenter mode: black on white, thick borders, more room
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    ImGui::StyleColorsLight(&style);
    style.WindowRounding = 4.f;
    style.FrameRounding = 3.f;
    style.WindowBorderSize = 1.f;
    style.FrameBorderSize = 1.f; // a checkbox's empty box is white on white without it
    const sf::Color side = sidebarColour(); // the other panels in the side panel's colour
    style.Colors[ImGuiCol_WindowBg] = ImVec4(side.r / 255.f, side.g / 255.f, side.b / 255.f, 0.96f);
    style.Colors[ImGuiCol_Text] = ImVec4(0.05f, 0.05f, 0.05f, 1.f);
    if (m_presenter) {
        style.ScaleAllSizes(1.4f);
        style.WindowBorderSize = 2.f;
        style.Colors[ImGuiCol_WindowBg].w = 1.f;
        style.Colors[ImGuiCol_Text] = ImVec4(0.f, 0.f, 0.f, 1.f);
        style.Colors[ImGuiCol_Border] = ImVec4(0.f, 0.f, 0.f, 1.f);
        style.Colors[ImGuiCol_Header] = ImVec4(0.85f, 0.85f, 0.85f, 1.f);
        style.Colors[ImGuiCol_TextDisabled] = ImVec4(0.2f, 0.2f, 0.2f, 1.f); // no pale grey on a projector
    }
    m_guiStyled = true;
    m_stylePresenter = m_presenter;
}

void Viewer::drawPanels() {
    if (!m_guiStyled || m_stylePresenter != m_presenter) applyGuiStyle();
    const GuiFonts& fonts = m_gui.fonts();
    ImGui::PushFont(m_presenter ? fonts.large : fonts.normal);
    const float width = static_cast<float>(m_size.x), height = static_cast<float>(m_size.y);
    const float sidebar = static_cast<float>(m_sidebar);
    const ImGuiWindowFlags fixed = ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings;

    // the clock over the map's top-left corner; in split view over the line between the maps: one clock for
    // both
    if (m_other)
        ImGui::SetNextWindowPos(ImVec2(static_cast<float>(m_camera.viewportWidth()), 10.f), 0,
                                ImVec2(0.5f, 0.f));
    else
        ImGui::SetNextWindowPos(ImVec2(10.f, 10.f));
    ImGui::SetNextWindowBgAlpha(0.9f);
    ImGui::Begin("##clock", nullptr,
                 fixed | ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_AlwaysAutoResize |
                     ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoInputs);
    if (m_run) {
        const auto& s = m_run->scenario;
        ImGui::PushFont(m_presenter ? fonts.huge : fonts.largeBold);
        ImGui::TextUnformatted(core::formatMoment(m_run->playback.now(), s.time.frame()).c_str());
        ImGui::PopFont();
        ImGui::SameLine();
        std::string state = m_seekTarget    ? "replaying..."
                            : allFinished() ? "the end"
                            : m_playing     ? "playing"
                                            : "paused";
        char speed[48];
        std::snprintf(speed, sizeof speed, " %gx", m_speed);
        ImGui::TextDisabled("%s%s", state.c_str(), m_playing ? speed : "");
    } else {
        ImGui::TextUnformatted("No scenario loaded");
    }
    const float clockBottom = ImGui::GetWindowPos().y + ImGui::GetWindowHeight();
    ImGui::End();
    if (m_run && m_other) paneLabels(clockBottom + 8.f);

    // the column on the right
    ImGui::SetNextWindowPos(ImVec2(width - sidebar, 0.f));
    ImGui::SetNextWindowSize(ImVec2(sidebar, height));
    ImGui::SetNextWindowBgAlpha(0.f); // frame() painted its background, opaque
    ImGui::Begin("##sidebar", nullptr,
                 fixed | ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoBringToFrontOnFocus);
    m_sidePanelList = ImGui::GetWindowDrawList();
    m_sideLayout = {};
    m_sideLayout.top = ImGui::GetWindowPos().y;
    m_sideLayout.bottom = ImGui::GetWindowPos().y + ImGui::GetWindowHeight();
    m_sideLayout.contentRight = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (m_run) {
        panelHeader();
        panelVariants();
        panelControls();
        const bool questions = !m_run->scenario.questions.empty();
        const std::string events =
            m_other ? "Events (" + paneName(m_focus) + ")###events" : "Events###events";
        if (m_presenter) {
            // what a class reads from the back: the questions, the latest events (the why) and the
            // legend folded under them (a click opens it), all in the window
            presenterPanels(questions, events);
        } else {
            if (questions && ImGui::CollapsingHeader("Questions", ImGuiTreeNodeFlags_DefaultOpen))
                panelQuestions();
            if (ImGui::CollapsingHeader(events.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) {
                m_sideLayout.eventsTop = ImGui::GetCursorScreenPos().y;
                panelEvents(6);
            }
            legendHeader(ImGuiTreeNodeFlags_DefaultOpen, 0.f);
            if (ImGui::CollapsingHeader("Metrics", ImGuiTreeNodeFlags_DefaultOpen)) panelMetrics();
            if (!m_run->scenario.description.empty() &&
                ImGui::CollapsingHeader("About this scenario", ImGuiTreeNodeFlags_DefaultOpen)) {
                ImGui::PushTextWrapPos(0.f);
                ImGui::TextUnformatted(m_run->scenario.description.c_str());
                ImGui::PopTextWrapPos();
            }
            if (ImGui::CollapsingHeader("Layers")) panelLayers();
        }
    }
    ImGui::End();

    if (m_run && (m_selection.drone >= 0 || !m_selection.zone.empty() || !m_selection.airport.empty())) panelInspector();
    if (m_run && m_layers.callouts && !m_callouts.empty()) calloutWindows();
    if (m_run && m_card) questionCard();
    if (!m_errors.empty()) errorsOverlay();
    if (m_help) helpOverlay();

    // a short message at the bottom of the map
    if (!m_toast.empty() && m_toastAge < 4.0) {
        ImGui::SetNextWindowPos(ImVec2((width - sidebar) / 2.f, height - 60.f), 0, ImVec2(0.5f, 0.f));
        ImGui::SetNextWindowBgAlpha(0.9f);
        ImGui::Begin("##toast", nullptr,
                     fixed | ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_AlwaysAutoResize |
                         ImGuiWindowFlags_NoInputs);
        ImGui::TextUnformatted(m_toast.c_str());
        ImGui::End();
    }
    ImGui::PopFont();
}

void Viewer::presenterPanels(bool questions, const std::string& events) {
    const ImGuiStyle& style = ImGui::GetStyle();
    ImGuiStorage& state = *ImGui::GetStateStorage();
    // the presenter's legend has a state of its own, folded until clicked (the normal panel's is open)
    const char* legend = "Legend###presenter-legend";
    const bool legendOpen = state.GetInt(ImGui::GetID(legend), 0) != 0;
    const bool questionsOpen = questions && state.GetInt(ImGui::GetID("Questions"), 1) != 0;
    const float header = ImGui::GetFrameHeight() + style.ItemSpacing.y;
    const float lines = ImGui::GetTextLineHeightWithSpacing();
    // The height under the headers is shared: the events keep at least five lines or three tenths of
    // it; the questions, then an open legend, take what they need of the rest and scroll inside
    // themselves when it is not enough (their heights as measured last frame).
    const float left = ImGui::GetContentRegionAvail().y - (questions ? 3.f : 2.f) * header;
    const float eventsLeast = std::max(5.f * lines, 0.3f * left);
    auto share = [&](bool open, float needs, float taken) {
        return open ? std::clamp(needs, 2.f * lines, std::max(left - taken - eventsLeast, 2.f * lines)) : 0.f;
    };
    const float questionsRoom = share(questionsOpen, m_questionsHeight, 0.f);
    const float legendRoom = share(legendOpen, m_legendHeight, questionsRoom);
    if (questions && ImGui::CollapsingHeader("Questions", ImGuiTreeNodeFlags_DefaultOpen)) {
        ImGui::BeginChild("##questions", ImVec2(0.f, questionsRoom), false);
        const float top = ImGui::GetCursorPosY();
        panelQuestions();
        m_questionsHeight = ImGui::GetCursorPosY() - top;
        ImGui::EndChild();
    }
    if (ImGui::CollapsingHeader(events.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) {
        m_sideLayout.eventsTop = ImGui::GetCursorScreenPos().y;
        const float height = std::max(
            left - questionsRoom - legendRoom - (legendOpen ? style.ItemSpacing.y : 0.f), 4.f * lines);
        ImGui::BeginChild("##events", ImVec2(0.f, height), false);
        panelEvents(12); // as many as the height shows, the newest on top
        ImGui::EndChild();
    }
    legendHeader(0, legendRoom, legend);
}

void Viewer::legendHeader(int flags, float height, const char* label) {
    // the legend under its header; in a scrolling box `height` high when that is > 0
    m_sideLayout.legendHeaderY = ImGui::GetCursorScreenPos().y + ImGui::GetFrameHeight() / 2.f;
    if (!ImGui::CollapsingHeader(label, flags)) return;
    m_sideLayout.legendOpen = true;
    if (height > 0.f) ImGui::BeginChild("##legend", ImVec2(0.f, height), false);
    const float top = ImGui::GetCursorPosY();
    m_sideLayout.legendContentRight = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    ImGui::PushTextWrapPos(0.f);
    panelLegend();
    ImGui::PopTextWrapPos();
    m_legendHeight = ImGui::GetCursorPosY() - top;
    if (height > 0.f) ImGui::EndChild();
}

void Viewer::panelHeader() {
    const auto& s = m_run->scenario;
    const GuiFonts& fonts = m_gui.fonts();
    ImGui::PushFont(m_presenter ? fonts.largeBold : fonts.bold);
    ImGui::PushTextWrapPos(0.f);
    ImGui::TextUnformatted(s.title.c_str());
    ImGui::PopFont();
    ImGui::TextDisabled("%s", m_run->scene.subtitle.c_str());
    ImGui::PopTextWrapPos();
    ImGui::Separator();
}

void Viewer::panelVariants() {
    // the variant picker: one for the map, or one for each side; and the split view's switch
    const std::vector<std::string> names = variantNames();
    if (names.size() < 2) return;
    auto picker = [&](const char* label, int pane) {
        // each policy by the name the file gives it; chosen by its id
        const std::string now = paneVariant(pane);
        const scenario::Scenario& s = m_run->scenario;
        ImGui::SetNextItemWidth(-1.f);
        if (ImGui::BeginCombo(label, s.policyName(now).c_str())) {
            for (const std::string& name : names) {
                const bool selected = name == now;
                const std::string item = s.policyName(name) + "##" + name;
                if (ImGui::Selectable(item.c_str(), selected) && !selected) setVariant(pane, name);
                if (selected) ImGui::SetItemDefaultFocus();
            }
            ImGui::EndCombo();
        }
    };
    bool split = m_split;
    if (ImGui::Checkbox("Side by side (C)", &split)) setSplit(split);
    // each picker on its name's line: the presenter's panel has no height to spare
    const char* labels[] = {m_other ? "Left (V)" : "Variant (V)", "Right (Shift+V)"};
    const float nameWidth = ImGui::CalcTextSize(labels[m_other ? 1 : 0]).x + ImGui::GetStyle().ItemSpacing.x;
    for (int pane = 0; pane < paneCount(); ++pane) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(labels[pane]);
        ImGui::SameLine(nameWidth + ImGui::GetStyle().WindowPadding.x);
        picker(pane == 0 ? (m_other ? "##left" : "##variant") : "##right", pane);
    }
    ImGui::Separator();
}

void Viewer::paneLabels(float top) {
    // over each map: its policy in the file's words, large enough for the back of the room and
    // wrapped in its own map; then its variant's id and what it has done so far
    const GuiFonts& fonts = m_gui.fonts();
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoInputs;
    for (int pane = 0; pane < paneCount(); ++pane) {
        const Camera camera = paneCamera(pane);
        ImGui::SetNextWindowPos(ImVec2(static_cast<float>(camera.viewportLeft()) + 10.f, top));
        ImGui::SetNextWindowSizeConstraints(ImVec2(0.f, 0.f),
                                            ImVec2(static_cast<float>(camera.viewportWidth()) - 20.f, 400.f));
        ImGui::SetNextWindowBgAlpha(0.92f);
        const std::string name = "##pane" + std::to_string(pane);
        ImGui::Begin(name.c_str(), nullptr, flags);
        const std::string title = paneTitle(pane), label = paneLabel(pane);
        const auto newline = label.find('\n');
        const float padding = ImGui::GetStyle().WindowPadding.x;
        ImGui::PushTextWrapPos(
            ImGui::GetCursorPosX() +
            std::max(static_cast<float>(camera.viewportWidth()) - 20.f - 2.f * padding, 50.f));
        ImGui::PushFont(fonts.largeBold);
        ImGui::TextUnformatted(title.c_str());
        ImGui::PopFont();
        if (title != label.substr(0, newline)) ImGui::TextDisabled("%s", label.substr(0, newline).c_str());
        ImGui::TextUnformatted(label.substr(newline + 1).c_str());
        ImGui::PopTextWrapPos();
        ImGui::End();
    }
}

void Viewer::panelQuestions() {
    // each question: the class's votes (buttons, or the number keys for the marked one) until the
    // teacher reveals it; then what happened and how the class's votes fared
    const std::vector<QuestionLine> lines = questionLines();
    const auto [currentQ, currentP] = currentQuestion();
    const GuiFonts& fonts = m_gui.fonts();
    const ImVec4 right = toIm({0x00, 0x7A, 0x3D}), wrong = toIm({0xB0, 0x30, 0x00});
    ImGui::PushTextWrapPos(0.f);
    if (m_options.ballot) {
        ImGui::PushFont(m_presenter ? fonts.largeBold : fonts.bold);
        ImGui::Text("Vote on a phone: %s  code %s", m_options.voteUrl.c_str(),
                    m_options.ballot->joinCode().c_str());
        ImGui::PopFont();
    }
    for (std::size_t q = 0; q < lines.size(); ++q) {
        const QuestionLine& line = lines[q];
        ImGui::PushID(static_cast<int>(q));
        ImGui::PushFont(m_presenter ? fonts.largeBold : fonts.bold);
        ImGui::Text("%d. %s", static_cast<int>(q + 1), line.ask.c_str());
        ImGui::PopFont();
        for (std::size_t p = 0; p < line.panes.size(); ++p) {
            const QuestionLine::PerPane& pane = line.panes[p];
            ImGui::PushID(static_cast<int>(p));
            const bool current = currentQ == static_cast<int>(q) && currentP == static_cast<int>(p);
            const int votes = report::voteCount(pane.votes);
            if (m_other) {
                ImGui::TextDisabled("%s:", pane.policy.c_str());
                ImGui::SameLine();
            } else if (pane.revealed) {
                ImGui::TextDisabled("answer:");
                ImGui::SameLine();
            }
            if (pane.revealed) {
                // the answer, then the class's votes, right in green or wrong in red
                ImGui::PushFont(m_presenter ? fonts.largeBold : fonts.bold);
                ImGui::Text("%s", pane.answer.c_str());
                ImGui::PopFont();
                ImGui::Indent();
                if (votes == 0) {
                    ImGui::TextDisabled("the class did not vote");
                } else {
                    ImGui::PushStyleColor(ImGuiCol_Text, pane.verdict == "right" ? right : wrong);
                    ImGui::Text("class: %s, %s (%d of %d votes right)",
                                report::tallyText(line.choices, pane.votes).c_str(),
                                pane.verdict == "right" ? "RIGHT"
                                : pane.verdict == "tie" ? "A TIE"
                                                        : "WRONG",
                                pane.rightVotes, votes);
                    ImGui::PopStyleColor();
                }
                ImGui::Unindent();
            } else if (pane.closed) {
                ImGui::Text("votes in: %s", report::tallyText(line.choices, pane.votes).c_str());
            } else {
                if (pane.due) {
                    // settled while the clock was moved by hand: it waits for the class
                    ImGui::PushStyleColor(ImGuiCol_Text, wrong);
                    ImGui::TextUnformatted("answer ready: Enter to reveal");
                    ImGui::PopStyleColor();
                }
                // the choices with their votes: a click is a vote, numbered on the question the keys vote on
                for (std::size_t c = 0; c < line.choices.size(); ++c) {
                    const auto count = pane.votes.find(line.choices[c]);
                    std::string label =
                        (current && c < 9 ? std::to_string(c + 1) + " " : std::string()) + line.choices[c];
                    if (count != pane.votes.end() && count->second > 0)
                        label += " (" + std::to_string(count->second) + ")";
                    // on the same line while the button fits, else on the next
                    if (c > 0) {
                        const float next =
                            ImGui::CalcTextSize(label.c_str()).x + ImGui::GetStyle().FramePadding.x * 2.f;
                        const float edge = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
                        if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + next <= edge)
                            ImGui::SameLine();
                    }
                    if (current) ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(1.f, 0.85f, 0.35f, 1.f));
                    if (ImGui::Button(label.c_str())) {
                        for (int side = 0; side < paneCount(); ++side)
                            if (paneVariant(side) == pane.variant) {
                                vote(side, line.id, line.choices[c]);
                                break;
                            }
                    }
                    if (current) ImGui::PopStyleColor();
                }
            }
            ImGui::PopID();
        }
        ImGui::PopID();
        ImGui::Spacing();
    }
    ImGui::PopTextWrapPos();
    if (ImGui::Button("Save report (Ctrl+S)")) m_reportWanted = true;
}

void Viewer::calloutWindows() {
    // each a small window beside where it happened, with a line to the spot; a click opens its card
    const GuiFonts& fonts = m_gui.fonts();
    const float paneWidth = static_cast<float>(m_camera.viewportWidth());
    for (std::size_t k = 0; k < m_callouts.size(); ++k) {
        const Callout& c = m_callouts[k];
        if (c.pane >= paneCount()) continue;
        const core::Vec2 at = paneCamera(c.pane).toScreen(c.at);
        const float left = paneWidth * static_cast<float>(c.pane);
        if (at.x < left || at.x > left + paneWidth || at.y < 0.0 || at.y > m_size.y) continue; // off the map
        const float fade = static_cast<float>(std::clamp((kCalloutSeconds - c.age) / 2.0, 0.0, 1.0));
        // up and to the right of the spot, kept within its map; later ones a little higher
        const ImVec2 anchor(static_cast<float>(at.x), static_cast<float>(at.y));
        ImGui::PushFont(m_presenter ? fonts.largeBold : fonts.bold);
        const float width = ImGui::CalcTextSize(c.text.c_str()).x + 16.f;
        ImGui::PopFont();
        // to the right of the spot, or to its left where the map's edge is nearer than its width
        const bool rightSide = anchor.x + 18.f + width <= left + paneWidth;
        const float x = rightSide ? anchor.x + 18.f : std::max(anchor.x - 18.f, left + width);
        const float y = std::max(anchor.y - 22.f - 6.f * static_cast<float>(k % 3), 40.f);
        ImGui::SetNextWindowPos(ImVec2(x, y), ImGuiCond_Always, ImVec2(rightSide ? 0.f : 1.f, 1.f));
        ImGui::SetNextWindowBgAlpha(0.92f * fade);
        ImGui::PushStyleVar(ImGuiStyleVar_Alpha, std::max(fade, 0.05f));
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(6.f, 3.f));
        ImGui::PushStyleColor(ImGuiCol_Border, ImVec4(0.1f, 0.1f, 0.1f, 1.f));
        const std::string name = "##callout" + std::to_string(k);
        ImGui::Begin(name.c_str(), nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                         ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                         ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav);
        ImGui::PushFont(m_presenter ? fonts.largeBold : fonts.bold);
        if (ImGui::Selectable(c.text.c_str(), false, 0, ImVec2(0.f, 0.f))) {
            m_selection = {};
            m_selection.pane = c.pane;
            m_selection.drone = c.drone;
            m_selection.airport = c.airport;
            m_focus = c.pane;
        }
        ImGui::PopFont();
        // the line to where it happened
        ImDrawList* draw = ImGui::GetWindowDrawList();
        draw->PushClipRectFullScreen();
        const ImU32 ink = ImGui::GetColorU32(ImVec4(0.1f, 0.1f, 0.1f, fade));
        const float cornerX = ImGui::GetWindowPos().x + (rightSide ? 0.f : ImGui::GetWindowWidth());
        draw->AddLine(anchor, ImVec2(cornerX, ImGui::GetWindowPos().y + ImGui::GetWindowHeight()), ink, 2.f);
        draw->AddCircleFilled(anchor, 4.f, ink);
        draw->PopClipRect();
        ImGui::End();
        ImGui::PopStyleColor();
        ImGui::PopStyleVar(2);
    }
}

void Viewer::questionCard() {
    // the question large over its map, for the back of the room: while the class votes, its choices
    // with the votes so far (a click or a number key is a vote, a count can be typed); once revealed,
    // what happened, why, and the votes against it
    const std::vector<QuestionLine> lines = questionLines();
    const auto line = std::find_if(lines.begin(), lines.end(),
                                   [&](const QuestionLine& l) { return l.id == m_card->question; });
    if (line == lines.end()) return;
    const std::string variant = paneVariant(m_card->pane);
    const auto pane = std::find_if(line->panes.begin(), line->panes.end(),
                                   [&](const QuestionLine::PerPane& p) { return p.variant == variant; });
    if (pane == line->panes.end()) return;
    const GuiFonts& fonts = m_gui.fonts();
    const ImVec4 right = toIm({0x00, 0x7A, 0x3D});
    const float paneWidth = static_cast<float>(m_camera.viewportWidth());
    const float left = paneWidth * static_cast<float>(m_card->pane);
    const float width = std::min(paneWidth - 40.f, m_presenter ? 900.f : 720.f);
    // under the clock (and the labels over split maps), where it hides the least of the map's middle
    ImGui::SetNextWindowPos(ImVec2(left + paneWidth / 2.f, m_other ? 150.f : 70.f), ImGuiCond_Always,
                            ImVec2(0.5f, 0.f));
    ImGui::SetNextWindowSize(ImVec2(width, 0.f));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(1.f, 1.f, 0.97f, 0.97f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 3.f);
    ImGui::Begin("##question-card", nullptr,
                 ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::PushTextWrapPos(0.f);
    const int number = static_cast<int>(line - lines.begin()) + 1;
    const int votes = report::voteCount(pane->votes);
    ImGui::PushFont(fonts.large);
    ImGui::TextDisabled("Question %d of %d%s%s", number, static_cast<int>(lines.size()), m_other ? " - " : "",
                        m_other ? pane->policy.c_str() : "");
    ImGui::PopFont();
    ImGui::PushFont(m_presenter ? fonts.huge : fonts.largeBold);
    ImGui::TextUnformatted(line->ask.c_str());
    ImGui::PopFont();
    if (m_options.ballot && !m_card->revealed) {
        ImGui::PushFont(fonts.largeBold);
        ImGui::Text("Vote on a phone: %s   code %s", m_options.voteUrl.c_str(),
                    m_options.ballot->joinCode().c_str());
        ImGui::PopFont();
    }
    ImGui::Spacing();
    ImGui::PushFont(m_presenter ? fonts.largeBold : fonts.large);
    const float barWidth = width * 0.35f;
    for (std::size_t c = 0; c < line->choices.size(); ++c) {
        ImGui::PushID(static_cast<int>(c));
        const std::string& choice = line->choices[c];
        const auto found = pane->votes.find(choice);
        int count = found == pane->votes.end() ? 0 : found->second;
        const bool happened = pane->revealed && choice == pane->answer;
        if (!m_card->revealed) {
            // a button a vote, then the count, which the teacher may type
            if (ImGui::Button((std::to_string(c + 1) + "  " + choice).c_str(), ImVec2(width * 0.38f, 0.f)))
                vote(m_card->pane, line->id, choice);
            ImGui::SameLine();
            ImGui::SetNextItemWidth(width * 0.28f);
            if (ImGui::InputInt("##votes", &count)) setVotes(m_card->pane, line->id, choice, count);
        } else {
            if (happened) ImGui::PushStyleColor(ImGuiCol_Text, right);
            ImGui::Text("%s%s", choice.c_str(), happened ? "  <- what happened" : "");
            if (happened) ImGui::PopStyleColor();
            ImGui::SameLine(width * 0.5f);
            if (happened) ImGui::PushStyleColor(ImGuiCol_PlotHistogram, right);
            ImGui::ProgressBar(votes > 0 ? static_cast<float>(count) / static_cast<float>(votes) : 0.f,
                               ImVec2(barWidth, 0.f), std::to_string(count).c_str());
            if (happened) ImGui::PopStyleColor();
        }
        ImGui::PopID();
    }
    ImGui::PopFont();
    ImGui::Spacing();
    if (!m_card->revealed) {
        ImGui::Text("%d vote%s. Number keys: a vote each (Shift+number takes one back).", votes,
                    votes == 1 ? "" : "s");
        if (ImGui::Button(votes > 0 ? "Reveal (Enter)" : "Reveal without votes (Enter)")) enter();
    } else if (pane->revealed) {
        const Run& run = runOf(m_card->pane);
        const auto asked = std::find_if(run.scenario.questions.begin(), run.scenario.questions.end(),
                                        [&](const scenario::Question& q) { return q.id == line->id; });
        ImGui::PushFont(m_presenter ? fonts.largeBold : fonts.bold);
        if (votes == 0)
            ImGui::TextUnformatted("The class did not vote.");
        else
            ImGui::Text("%d of %d votes right%s", pane->rightVotes, votes,
                        pane->verdict == "right" ? ": the class got it" : "");
        ImGui::PopFont();
        if (asked != run.scenario.questions.end()) {
            const std::string why =
                report::settledBecause(run.scenario, *asked, run.playback.world(), run.playback.events());
            if (!why.empty()) ImGui::Text("Why: %s", why.c_str());
        }
        if (ImGui::Button("Play on (Space)")) playPause();
        ImGui::SameLine();
        if (ImGui::Button("Close (Enter)")) enter();
    } else {
        ImGui::Text("Votes closed: %s. The answer shows when it happens.",
                    report::tallyText(line->choices, pane->votes).c_str());
        if (ImGui::Button("Play on (Space)")) playPause();
    }
    ImGui::PopTextWrapPos();
    ImGui::End();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
}

void Viewer::panelControls() {
    Playback& playback = m_run->playback;
    const auto& s = m_run->scenario;
    // play, step, speed
    if (ImGui::Button(m_playing ? "Pause" : "Play")) playPause();
    ImGui::SameLine();
    if (ImGui::Button("Step")) {
        // one step, in every pane
        m_playing = false;
        advancePanes(playback.now() + std::max<core::Millis>(s.time.step, 1), 1, 1e300);
    }
    ImGui::SameLine();
    if (ImGui::Button("-")) changeSpeed(-1);
    ImGui::SameLine();
    ImGui::Text("%gx", m_speed);
    ImGui::SameLine();
    if (ImGui::Button("+")) changeSpeed(+1);
    if (m_playing && m_effectiveSpeed > 0.0 && m_effectiveSpeed < 0.8 * m_speed) {
        ImGui::SameLine();
        ImGui::TextDisabled("(runs at %.0fx)", m_effectiveSpeed);
    }
    // the timeline: drag to go back and forth
    const float total = static_cast<float>(playback.end() - playback.start()) / 60000.f;
    float minutes =
        static_cast<float>((m_seekTarget ? *m_seekTarget : playback.now()) - playback.start()) / 60000.f;
    const std::string label =
        core::formatMoment(playback.start() + static_cast<core::Instant>(minutes * 60000.f), s.time.frame());
    ImGui::SetNextItemWidth(-1.f);
    if (ImGui::SliderFloat("##timeline", &minutes, 0.f, total, label.c_str())) {
        const core::Millis step = std::max<core::Millis>(s.time.step, 1);
        const auto ms =
            static_cast<core::Millis>(std::llround(minutes * 60000.0 / static_cast<double>(step))) * step;
        m_seekTarget = playback.start() + ms;
    }
    // the ends of the timeline, the end dated when the run spans midnight
    const std::string end = core::formatMoment(playback.end(), s.time.frame());
    ImGui::TextDisabled("%s", core::formatMoment(playback.start(), s.time.frame()).c_str());
    ImGui::SameLine(ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(end.c_str()).x);
    ImGui::TextDisabled("%s", end.c_str());
    ImGui::Separator();
}

void Viewer::panelLayers() {
    ImGui::Checkbox("Zones (Z)", &m_layers.zones);
    ImGui::SameLine();
    ImGui::Checkbox("Labels (L)", &m_layers.labels);
    ImGui::SameLine();
    ImGui::Checkbox("Land (B)", &m_layers.land);
    ImGui::Checkbox("Drones (D)", &m_layers.drones);
    ImGui::SameLine();
    ImGui::Checkbox("Trails (T)", &m_layers.trails);
    ImGui::Checkbox("On the ground (G)", &m_layers.planned);
    ImGui::SameLine();
    ImGui::Checkbox("Sensors (N)", &m_layers.sensors);
    ImGui::Checkbox("Call-outs (K)", &m_layers.callouts);
    ImGui::SameLine();
    ImGui::Checkbox("Slow down at them", &m_layers.slowDown);
}

void Viewer::panelLegend() {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float h = ImGui::GetTextLineHeight(), w = 2.2f * h;
    // each entry's words wrap under themselves at the panel's edge (a caller pushed the wrap), never cut
    auto words = [this](const char* text) {
        ImGui::TextUnformatted(text);
        m_sideLayout.legendRight = std::max(m_sideLayout.legendRight, ImGui::GetItemRectMax().x);
    };
    // the map's own legend (zones, airports, places), as the SVG draws it
    for (const report::LegendEntry& entry : m_run->scene.legend) {
        const report::Paint& paint = report::paint(entry.style.role);
        const double fade = entry.style.faded ? report::kFadedOpacity : 1.0;
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const ImVec2 q(p.x + w, p.y + h);
        if (entry.swatch == report::Primitive::Polygon) {
            draw->AddRectFilled(p, q, toU32(paint.fill, std::max(paint.fillOpacity, 0.15) * fade));
            if (paint.hatch)
                for (float x = -h; x < w; x += 6.f)
                    draw->AddLine(ImVec2(std::max(p.x, p.x + x), p.y + std::max(0.f, -x)),
                                  ImVec2(std::min(q.x, p.x + x + h), p.y + std::min(h, w - x)),
                                  toU32(paint.stroke, 0.5 * fade), 1.5f);
            const float t = static_cast<float>(paint.strokeWidth * 0.8);
            if (paint.dash.empty()) {
                draw->AddRect(p, q, toU32(paint.stroke, fade), 0.f, 0, t);
            } else {
                // dashes along the box's edges
                const float on = static_cast<float>(paint.dash[0] * 0.6),
                            off = static_cast<float>(paint.dash[1] * 0.6);
                for (float x = p.x; x < q.x; x += on + off) {
                    draw->AddLine(ImVec2(x, p.y), ImVec2(std::min(x + on, q.x), p.y),
                                  toU32(paint.stroke, fade), t);
                    draw->AddLine(ImVec2(x, q.y), ImVec2(std::min(x + on, q.x), q.y),
                                  toU32(paint.stroke, fade), t);
                }
                draw->AddLine(ImVec2(p.x, p.y), ImVec2(p.x, q.y), toU32(paint.stroke, fade), t);
                draw->AddLine(ImVec2(q.x, p.y), ImVec2(q.x, q.y), toU32(paint.stroke, fade), t);
            }
        } else {
            const ImVec2 c(p.x + w / 2.f, p.y + h / 2.f);
            const float s = static_cast<float>(paint.markerSize * 0.9);
            if (paint.shape == report::Paint::Square)
                draw->AddRectFilled(ImVec2(c.x - s, c.y - s), ImVec2(c.x + s, c.y + s), toU32(paint.fill));
            else
                draw->AddCircleFilled(c, s, toU32(paint.fill));
        }
        ImGui::Dummy(ImVec2(w, h));
        ImGui::SameLine();
        words(entry.text.c_str());
    }
    // the drones, with the icons the map draws
    std::vector<std::pair<Role, const char*>> states = {
        {Role::DroneFlying, "Flying, nothing in its way"},
        {Role::DroneAuthorised, "Flying with an authorisation"},
        {Role::DroneRerouted, "Rerouted around a zone"},
        {Role::DroneViolating, "Inside a zone it may not enter"},
        {Role::DronePlanned, "On the ground: due or waiting"},
        {Role::FlightCancelled, "Cancelled take-off"},
    };
    if (!m_run->scenario.sensors.empty()) states.push_back({Role::DroneUnknown, "A drone nobody can identify"});
    if (!m_run->scenario.responders.empty()) states.push_back({Role::DroneNeutralised, "Neutralised"});
    // a zone the timeline switches on can catch drones in flight (docs/simulation.md, rule 11)
    if (std::any_of(m_run->scenario.timeline.begin(), m_run->scenario.timeline.end(), [](const auto& e) {
            return e.type == scenario::EventType::Activate || e.type == scenario::EventType::Announce;
        }))
        states.push_back({Role::DroneCaught, "Caught by a new zone: leaving it"});
    const sf::Texture& atlas = m_run->drones.atlas();
    const auto texture = reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(atlas.getNativeHandle()));
    const float aw = static_cast<float>(atlas.getSize().x), ah = static_cast<float>(atlas.getSize().y);
    for (auto [role, text] : states) {
        const sf::IntRect r = DroneLayer::cell(iconOf(role));
        const report::Colour c =
            role == Role::FlightCancelled ? report::paint(role).stroke : report::paint(role).fill;
        ImGui::Dummy(ImVec2((w - h * 1.3f) / 2.f, h));
        ImGui::SameLine(0.f, 0.f);
        const float left = static_cast<float>(r.left), width = static_cast<float>(r.width),
                    height = static_cast<float>(r.height);
        ImGui::Image(texture, ImVec2(h * 1.3f, h * 1.3f), ImVec2(left / aw, 0.f),
                     ImVec2((left + width) / aw, height / ah), toIm(c));
        ImGui::SameLine(0.f, (w - h * 1.3f) / 2.f + ImGui::GetStyle().ItemSpacing.x);
        words(text);
    }
    // what the operations room sees now (DefenceLayer)
    if (!m_run->playback.world().defence.active) return;
    auto diamondEntry = [&](report::Role role, const char* text) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const ImVec2 c(p.x + w / 2.f, p.y + h / 2.f);
        const float r = h * 0.38f;
        draw->AddQuadFilled(ImVec2(c.x, c.y - r - 1.f), ImVec2(c.x + r + 1.f, c.y), ImVec2(c.x, c.y + r + 1.f),
                            ImVec2(c.x - r - 1.f, c.y), IM_COL32_WHITE);
        draw->AddQuadFilled(ImVec2(c.x, c.y - r), ImVec2(c.x + r, c.y), ImVec2(c.x, c.y + r), ImVec2(c.x - r, c.y),
                            toU32(report::paint(role).fill));
        ImGui::Dummy(ImVec2(w, h));
        ImGui::SameLine();
        words(text);
    };
    if (!m_run->scenario.sensors.empty()) {
        diamondEntry(Role::TrackUnknown, "Track now: unknown (its name)");
        diamondEntry(Role::TrackIdentified, "Track now: identified");
    }
    if (!m_run->scenario.responders.empty()) diamondEntry(Role::Responder, "Responder on its way, line to its track");
    const bool closures = std::any_of(m_run->scenario.airports.begin(), m_run->scenario.airports.end(),
                                      [](const scenario::Airport& a) { return a.closure.has_value(); });
    if (closures) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        draw->AddCircle(ImVec2(p.x + w / 2.f, p.y + h / 2.f), h * 0.45f, toU32(report::paint(Role::AirportClosed).fill),
                        24, 3.f);
        ImGui::Dummy(ImVec2(w, h));
        ImGui::SameLine();
        words("Airport closed now (closure radius)");
    }
}

void Viewer::panelMetrics() {
    // one column per pane: split view compares the two variants row by row
    struct Column {
        const report::Counts* counts;
        const sim::World* world;
    };
    std::vector<Column> columns;
    for (Run* run : runs())
        columns.push_back({&run->metrics.total, &run->playback.world()});
    // what the world shows now, beside the counts: each row before the metric it leads into
    struct LiveRow {
        const char* label;
        const report::Metric* before;
        int (*value)(const sim::World&);
    };
    const LiveRow live[] = {
        {"In the air now", &report::metric("authorised"),
         [](const sim::World& w) { return int(w.flying.size()); }},
        {"Waiting on the ground", &report::metric("authorised"),
         [](const sim::World& w) {
             return int(std::count_if(w.drones.begin(), w.drones.end(),
                                      [](const sim::Drone& d) { return d.phase == sim::Phase::Waiting; }));
         }},
        {"Landed", &report::metric("authorised"),
         [](const sim::World& w) {
             return int(std::count_if(w.drones.begin(), w.drones.end(),
                                      [](const sim::Drone& d) { return d.phase == sim::Phase::Landed; }));
         }},
        {"Airports closed now", &report::metric("closure_minutes"),
         [](const sim::World& w) {
             return int(std::count_if(w.defence.airports.begin(), w.defence.airports.end(),
                                      [](const sim::SiteState& a) { return a.closed; }));
         }},
    };
    if (ImGui::BeginTable("##metrics", 1 + static_cast<int>(columns.size()))) {
        if (m_other) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            for (int pane = 0; pane < paneCount(); ++pane) {
                ImGui::TableNextColumn();
                ImGui::TextDisabled("%s", paneName(pane).c_str());
            }
        }
        auto addRow = [&](std::string_view label, auto value) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(label.data(), label.data() + label.size());
            for (const Column& column : columns) {
                ImGui::TableNextColumn();
                ImGui::Text("%d", value(column));
            }
        };
        // a metric by the table's window words (report/metrics.hpp), after the live rows that lead into it
        auto addMetric = [&](const report::Metric& m) {
            for (const LiveRow& row : live)
                if (row.before == &m) addRow(row.label, [&](const Column& c) { return row.value(*c.world); });
            addRow(m.window, [&](const Column& c) { return int(std::lround(m.value(*c.counts))); });
        };
        // the outcomes first, in the ledger's order: they add up to the flights planned (pending: not yet
        // decided or held on the ground)
        addMetric(report::metric("planned"));
        for (report::FinalOutcome o : report::kFinalOutcomes)
            addMetric(*report::findMetric(report::name(o)));
        // then the table's other rows for the window, the operations room's last; a row with nothing to show
        // in any pane (detection in a scenario without it) is left out
        auto listed = [&](const report::Metric& m) {
            const auto shows = [&](const Column& c) { return !m.shown || m.shown(*c.counts); };
            return !m.window.empty() && &m != &report::metric("planned") && !report::isOutcome(m) &&
                   std::any_of(columns.begin(), columns.end(), shows);
        };
        for (const report::Metric& m : report::kMetricTable)
            if (listed(m) && m.part != report::Part::Defence) addMetric(m);
        for (const report::Metric& m : report::kMetricTable)
            if (listed(m) && m.part == report::Part::Defence) addMetric(m);
        ImGui::EndTable();
    }
}

std::vector<const sim::Event*> Viewer::tickerEvents(int rows) const {
    // the pane last clicked, in split view
    const auto events = runOf(m_focus).playback.events();
    std::vector<const sim::Event*> out;
    for (auto it = events.rbegin(); it != events.rend() && static_cast<int>(out.size()) < rows; ++it)
        if (ticks(it->type)) out.push_back(&*it);
    return out;
}

void Viewer::panelEvents(int rows) {
    Run& run = runOf(m_focus);
    const core::TimeFrame frame = run.scenario.time.frame();
    int shown = 0;
    ImGui::PushTextWrapPos(0.f);
    for (const sim::Event* it : tickerEvents(rows)) {
        ++shown;
        ImGui::TextDisabled("%s", core::formatMoment(it->time, frame).c_str());
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, eventColour(it->type));
        ImGui::PushID(shown);
        const sim::World& world = run.playback.world();
        const std::string text = report::eventText(run.scenario, world, *it);
        const std::string line = it->flight < 0 ? text : report::flightId(world, it->flight) + " " + text;
        ImGui::TextUnformatted(line.c_str());
        // a click on an event about a flight selects it
        if (ImGui::IsItemClicked() && it->flight >= 0) m_selection = {m_focus, it->flight, {}, {}};
        ImGui::PopID();
        ImGui::PopStyleColor();
    }
    if (shown == 0) ImGui::TextDisabled("Nothing has happened yet.");
    ImGui::PopTextWrapPos();
}

std::string Viewer::inspectorText() const {
    if (!m_run) return {};
    // the pane it was clicked in
    const Run& run = runOf(m_selection.pane);
    const scenario::Scenario& s = run.scenario;
    const sim::World& world = run.playback.world();
    std::ostringstream out;
    if (m_other && (m_selection.drone >= 0 || !m_selection.zone.empty() || !m_selection.airport.empty()))
        out << "[" << paneName(m_selection.pane) << "]\n";
    if (m_selection.drone >= 0 && static_cast<std::size_t>(m_selection.drone) < world.drones.size()) {
        // a drone: what it is, where it is in its life, and every verdict card so far
        const auto i = static_cast<std::size_t>(m_selection.drone);
        const sim::FlightPlan& plan = world.flights[i];
        const sim::Drone& d = world.drones[i];
        out << "Flight " << plan.flight.id << " (" << plan.flight.category << ", "
            << scenario::name(plan.behaviour) << ")\n";
        // where it is now, then the ledger's word for it, each on a line of its own
        out << "Now: ";
        switch (d.phase) {
        case sim::Phase::Planned:
            out << "on the ground, due to take off at "
                << core::formatMoment(d.departAt, s.time.frame(), world.now);
            break;
        case sim::Phase::Waiting:
            out << "on the ground, waiting until "
                << core::formatMoment(d.departAt, s.time.frame(), world.now);
            break;
        case sim::Phase::Flying:
            out << "flying at " << std::lround(d.altitude) << " m"
                << (d.violating.empty() ? "" : ", INSIDE A ZONE");
            break;
        case sim::Phase::Landed: out << "landed"; break;
        case sim::Phase::Cancelled: out << "on the ground, its flight cancelled"; break;
        }
        out << "\n";
        if (report::isPlanned(s, plan))
            out << "Outcome so far: " << report::describe(report::ledgerOf(s, plan, d)) << "\n\n";
        else
            out << "Not due to take off during the run.\n\n";
        bool any = false;
        for (const sim::Verdict& v : world.verdicts)
            if (v.flight == static_cast<int>(i)) {
                out << report::verdictCardText(s, world, v) << '\n';
                any = true;
            }
        if (!any)
            out << "No decision yet: it is due to take off at "
                << core::formatMoment(d.departAt, s.time.frame(), world.now) << ".\n";
        return out.str();
    }
    for (std::size_t a = 0; a < s.airports.size(); ++a) {
        if (s.airports[a].id != m_selection.airport) continue;
        // an airport: open or closed now, its rule, and why it closed each time so far
        const scenario::Airport& airport = s.airports[a];
        out << "Airport " << airport.id << (airport.name.empty() ? "" : " (" + airport.name + ")") << "\n";
        if (a < world.defence.airports.size() && world.defence.airports[a].closed)
            out << "Now: CLOSED since "
                << core::formatMoment(world.defence.airports[a].closedAt, s.time.frame(), world.now) << "\n";
        else
            out << "Now: open\n";
        if (airport.closure)
            out << "Rule: an unknown track within "
                << core::formatQuantity(airport.closure->radius, core::Dimension::Length)
                << " closes it until none has been seen for "
                << core::formatQuantity(static_cast<double>(airport.closure->quiet) / 1000.0, core::Dimension::Duration)
                << ".\n";
        else
            out << "Rule: no closure rule; drones seen here do not close it.\n";
        out << "\n";
        bool any = false;
        for (const sim::Verdict& v : world.verdicts)
            if (v.site == static_cast<int>(a)) {
                out << report::verdictCardText(s, world, v) << '\n';
                any = true;
            }
        if (!any) out << "Not closed so far.\n";
        return out.str();
    }
    const scenario::Zone* zone = s.zone(m_selection.zone);
    if (!zone) return {};
    // a zone: its card, then what it means here and now for a hobby drone
    const auto z = static_cast<std::size_t>(zone - s.zones.data());
    out << "Zone " << zone->name << " (" << zone->id << ")\n";
    out << "Restriction: " << scenario::name(zone->restriction);
    for (std::size_t k = 0; k < zone->reasons.size(); ++k)
        out << (k ? ", " : "; reason: ") << scenario::name(zone->reasons[k]);
    out << "\nIn force now: " << (world.zones[z].active ? "yes" : "no") << "\n";
    for (const sim::ActiveWindow& w : run.playback.compiled().windows[z])
        out << "  in force " << report::describeWindow(w.from, w.to, s.time.frame()) << "\n";
    if (!zone->exempt.empty()) {
        out << "Exempt:";
        for (const std::string& e : zone->exempt)
            out << ' ' << e;
        out << "\n";
    }
    if (!zone->message.empty()) out << "Message: " << zone->message << "\n";
    const std::string category =
        s.category("hobby") ? "hobby" : (s.categories.empty() ? "" : s.categories[0].id);
    if (!category.empty()) {
        const sim::WhereAnswer answer =
            sim::where(run.playback.compiled(), m_selection.point, world.now, 60.0, category);
        out << "\nHere, now, for a " << category << " drone at 60 m:\n  " << report::whereText(s, answer)
            << "\n";
        for (const sim::Judgement& j : answer.zones)
            out << "  - " << s.zones[static_cast<std::size_t>(j.finding.zone)].name << ": "
                << (j.finding.applies ? "applies: " : "does not apply: ")
                << report::findingText(s, s.category(category), j.finding) << "\n";
    }
    return out.str();
}

void Viewer::panelInspector() {
    // at the bottom left of the pane it was clicked in
    const Camera camera = paneCamera(m_selection.pane);
    const float paneWidth = static_cast<float>(camera.viewportWidth());
    const float w = std::min(paneWidth - 20.f, m_presenter ? 700.f : 520.f);
    ImGui::SetNextWindowPos(
        ImVec2(static_cast<float>(camera.viewportLeft()) + 10.f, static_cast<float>(m_size.y) - 10.f),
        ImGuiCond_Always, ImVec2(0.f, 1.f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0.f), ImVec2(w, static_cast<float>(m_size.y) * 0.55f));
    bool open = true;
    ImGui::Begin("Inspector", &open,
                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize |
                     ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse);
    const std::string text = inspectorText();
    ImGui::PushTextWrapPos(0.f);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::End();
    if (!open) m_selection = {};
}

void Viewer::helpOverlay() {
    const float mapWidth = static_cast<float>(m_size.x - m_sidebar);
    ImGui::SetNextWindowPos(ImVec2(mapWidth / 2.f, static_cast<float>(m_size.y) / 2.f), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    bool open = true;
    ImGui::Begin("Keys (F1 or ? to close)", &open,
                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize |
                     ImGuiWindowFlags_NoCollapse);
    if (ImGui::BeginTable("##keys", 2, ImGuiTableFlags_RowBg)) {
        for (const KeyHelp& k : kKeys) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushFont(m_presenter ? m_gui.fonts().largeBold : m_gui.fonts().bold);
            ImGui::TextUnformatted(k.key);
            ImGui::PopFont();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(k.does);
        }
        ImGui::EndTable();
    }
    ImGui::End();
    if (!open) m_help = false;
}

void Viewer::errorsOverlay() {
    // a broken save: the errors, with their lines, over the map that still runs
    const float mapWidth = static_cast<float>(m_size.x - m_sidebar);
    ImGui::SetNextWindowPos(ImVec2(mapWidth / 2.f, 70.f), ImGuiCond_Always, ImVec2(0.5f, 0.f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(std::min(mapWidth - 40.f, 500.f), 0.f),
                                        ImVec2(mapWidth - 40.f, static_cast<float>(m_size.y) * 0.6f));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(1.f, 0.95f, 0.93f, 0.97f));
    ImGui::PushStyleColor(ImGuiCol_Border, toIm(report::paint(Role::DroneViolating).fill));
    ImGui::Begin("Scenario file has errors", nullptr,
                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize |
                     ImGuiWindowFlags_NoCollapse);
    ImGui::TextUnformatted(m_run ? "Still showing the last good version. Fix the file and save it again."
                                 : "Fix the file and save it: the window loads it as soon as it is valid.");
    ImGui::Separator();
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.6f, 0.1f, 0.f, 1.f));
    ImGui::PushTextWrapPos(0.f);
    for (const std::string& e : m_errors)
        ImGui::TextUnformatted(e.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::End();
    ImGui::PopStyleColor(2);
}

} // namespace nofly::render
