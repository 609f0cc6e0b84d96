#include "render/detail/gui.hpp"

#include <SFML/Window/Keyboard.hpp>
#include <backends/imgui_impl_opengl2.h>
#include <SFML/OpenGL.hpp>
#include <imgui.h>

#include <cstdint>
#include <cstring>
#include <filesystem>

namespace nofly::render {

std::string fontFile(bool bold) {
    const char* names[] = {bold ? "DejaVuSans-Bold.ttf" : "DejaVuSans.ttf"};
    for (const char* dir : {"/usr/share/fonts/truetype/dejavu/", "/usr/share/fonts/dejavu/"})
        for (const char* name : names)
            if (std::filesystem::exists(std::string(dir) + name)) return std::string(dir) + name;
    return {};
}

GuiContext::GuiContext() {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // no imgui.ini left in the working folder
    io.BackendPlatformName = "nofly_sfml";

    // ImGui's keys by SFML key code (the index into io.KeysDown)
    const std::pair<ImGuiKey_, sf::Keyboard::Key> keys[] = {
        {ImGuiKey_Tab, sf::Keyboard::Tab},
        {ImGuiKey_LeftArrow, sf::Keyboard::Left},
        {ImGuiKey_RightArrow, sf::Keyboard::Right},
        {ImGuiKey_UpArrow, sf::Keyboard::Up},
        {ImGuiKey_DownArrow, sf::Keyboard::Down},
        {ImGuiKey_PageUp, sf::Keyboard::PageUp},
        {ImGuiKey_PageDown, sf::Keyboard::PageDown},
        {ImGuiKey_Home, sf::Keyboard::Home},
        {ImGuiKey_End, sf::Keyboard::End},
        {ImGuiKey_Insert, sf::Keyboard::Insert},
        {ImGuiKey_Delete, sf::Keyboard::Delete},
        {ImGuiKey_Backspace, sf::Keyboard::BackSpace},
        {ImGuiKey_Space, sf::Keyboard::Space},
        {ImGuiKey_Enter, sf::Keyboard::Enter},
        {ImGuiKey_Escape, sf::Keyboard::Escape},
        {ImGuiKey_A, sf::Keyboard::A},
        {ImGuiKey_C, sf::Keyboard::C},
        {ImGuiKey_V, sf::Keyboard::V},
        {ImGuiKey_X, sf::Keyboard::X},
        {ImGuiKey_Y, sf::Keyboard::Y},
        {ImGuiKey_Z, sf::Keyboard::Z},
    };
    for (auto [imgui, sfml] : keys)
        io.KeyMap[imgui] = static_cast<int>(sfml);

    // DejaVu Sans at reading and projector sizes; ImGui's own font if it is
    // missing. One texel a pixel, glyphs on whole pixels: the atlas is then
    // sampled nearest (see newFrame), which looks the same and took a fifth
    // off the panels' drawing time under a software renderer.
    const std::string regular = fontFile(false), bold = fontFile(true);
    auto add = [&](const std::string& file, float size) {
        ImFontConfig config;
        config.OversampleH = config.OversampleV = 1;
        config.PixelSnapH = true;
        return file.empty() ? io.Fonts->AddFontDefault()
                            : io.Fonts->AddFontFromFileTTF(file.c_str(), size, &config);
    };
    m_fonts.normal = add(regular, 17.0f);
    m_fonts.bold = add(bold, 17.0f);
    m_fonts.large = add(regular, 27.0f);
    m_fonts.largeBold = add(bold, 27.0f);
    m_fonts.huge = add(bold, 46.0f);
}

GuiContext::~GuiContext() {
    if (m_rendererReady) ImGui_ImplOpenGL2_Shutdown();
    ImGui::DestroyContext();
}

void GuiContext::newFrame(sf::Vector2u size, double seconds) {
    if (!m_rendererReady) {
        ImGui_ImplOpenGL2_Init();
        m_rendererReady = true;
    }
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(size.x), static_cast<float>(size.y));
    io.DeltaTime = static_cast<float>(seconds > 0.0 ? seconds : 1.0 / 60.0);

    // one frame's worth of queued input (a press and a release wait a frame apart)
    m_queue.applyFrame(m_input);
    io.MousePos = ImVec2(static_cast<float>(m_input.mouse.x), static_cast<float>(m_input.mouse.y));
    for (std::size_t b = 0; b < m_input.mouseDown.size(); ++b)
        io.MouseDown[b] = m_input.mouseDown[b];
    io.MouseWheel = static_cast<float>(m_input.wheel);
    for (std::size_t k = 0; k < m_input.keysDown.size(); ++k)
        io.KeysDown[k] = m_input.keysDown[k];
    io.KeyCtrl = m_input.ctrl;
    io.KeyShift = m_input.shift;
    io.KeyAlt = m_input.alt;
    io.KeySuper = m_input.super;
    for (std::uint32_t c : m_input.text)
        io.AddInputCharacter(c);

    ImGui_ImplOpenGL2_NewFrame(); // makes the font atlas texture on the first frame
    if (!m_fontNearest) {
        GLint last = 0;
        glGetIntegerv(GL_TEXTURE_BINDING_2D, &last);
        glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(reinterpret_cast<std::intptr_t>(io.Fonts->TexID)));
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
        glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(last));
        m_fontNearest = true;
    }
    ImGui::NewFrame();
}

void GuiContext::endFrame() {
    ImGui::Render();
}

std::span<ImDrawList* const> GuiContext::drawLists() const {
    const ImDrawData* data = ImGui::GetDrawData();
    if (!data || !data->Valid || data->CmdListsCount <= 0) return {};
    return {data->CmdLists, static_cast<std::size_t>(data->CmdListsCount)};
}

void GuiContext::draw(sf::RenderTarget& target, std::span<ImDrawList* const> lists) {
    if (lists.empty()) return;
    // the frame's draw data with only these lists: the renderer reads no more
    ImDrawData data = *ImGui::GetDrawData();
    data.CmdLists = const_cast<ImDrawList**>(lists.data());
    data.CmdListsCount = static_cast<int>(lists.size());
    data.TotalVtxCount = data.TotalIdxCount = 0;
    for (const ImDrawList* list : lists) {
        data.TotalVtxCount += list->VtxBuffer.Size;
        data.TotalIdxCount += list->IdxBuffer.Size;
    }
    // ImGui's OpenGL2 renderer changes GL state behind SFML's back: fence it
    target.pushGLStates();
    ImGui_ImplOpenGL2_RenderDrawData(&data);
    target.popGLStates();
    target.resetGLStates();
}

std::uint64_t GuiContext::digest(const ImDrawList& list) {
    // FNV-1a over 64-bit words: tens of microseconds for a full side panel
    std::uint64_t h = 14695981039346656037ull;
    auto add = [&h](const void* bytes, std::size_t size) {
        const auto* p = static_cast<const unsigned char*>(bytes);
        std::size_t i = 0;
        for (; i + 8 <= size; i += 8) {
            std::uint64_t word;
            std::memcpy(&word, p + i, 8);
            h = (h ^ word) * 1099511628211ull;
        }
        for (; i < size; ++i)
            h = (h ^ p[i]) * 1099511628211ull;
        h = (h ^ size) * 1099511628211ull;
    };
    add(list.VtxBuffer.Data, std::size_t(list.VtxBuffer.Size) * sizeof(ImDrawVert));
    add(list.IdxBuffer.Data, std::size_t(list.IdxBuffer.Size) * sizeof(ImDrawIdx));
    for (const ImDrawCmd& cmd : list.CmdBuffer) {
        add(&cmd.ClipRect, sizeof cmd.ClipRect);
        add(&cmd.TextureId, sizeof cmd.TextureId);
        add(&cmd.VtxOffset, sizeof cmd.VtxOffset);
        add(&cmd.IdxOffset, sizeof cmd.IdxOffset);
        add(&cmd.ElemCount, sizeof cmd.ElemCount);
        const bool callback = cmd.UserCallback != nullptr;
        add(&callback, sizeof callback);
    }
    return h;
}

bool GuiContext::wantsMouse() const {
    return ImGui::GetIO().WantCaptureMouse;
}

bool GuiContext::wantsKeyboard() const {
    return ImGui::GetIO().WantCaptureKeyboard;
}

} // namespace nofly::render
