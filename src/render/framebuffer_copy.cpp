#include "render/detail/framebuffer_copy.hpp"

#include <SFML/OpenGL.hpp>
#include <SFML/Window/Context.hpp>

#include <algorithm>

namespace nofly::render {

namespace {

// the OpenGL 3.0 names (GL/gl.h declares OpenGL 1.1 only)
constexpr GLenum kReadFramebuffer = 0x8CA8;
constexpr GLenum kDrawFramebuffer = 0x8CA9;
constexpr GLenum kReadFramebufferBinding = 0x8CAA;
constexpr GLenum kDrawFramebufferBinding = 0x8CA6;
constexpr GLenum kColorAttachment0 = 0x8CE0;
constexpr GLenum kFramebufferComplete = 0x8CD5;
constexpr GLenum kBgra = 0x80E1; // GL_BGRA, OpenGL 1.2

/// Forgets the errors of earlier calls, so that the next glGetError() is about what follows.
void clearErrors() {
    while (glGetError() != GL_NO_ERROR) {
    }
}

using GenFramebuffers = void (*)(GLsizei, GLuint*);
using DeleteFramebuffers = void (*)(GLsizei, const GLuint*);
using BindFramebuffer = void (*)(GLenum, GLuint);
using FramebufferTexture2D = void (*)(GLenum, GLenum, GLenum, GLuint, GLint);
using CheckFramebufferStatus = GLenum (*)(GLenum);
using BlitFramebuffer = void (*)(GLint, GLint, GLint, GLint, GLint, GLint, GLint, GLint, GLbitfield, GLenum);

struct Gl {
    GenFramebuffers genFramebuffers = nullptr;
    DeleteFramebuffers deleteFramebuffers = nullptr;
    BindFramebuffer bindFramebuffer = nullptr;
    FramebufferTexture2D framebufferTexture2D = nullptr;
    CheckFramebufferStatus checkFramebufferStatus = nullptr;
    BlitFramebuffer blitFramebuffer = nullptr;
};

Gl gl;

template <class F> bool find(F& into, const char* core, const char* ext) {
    into = reinterpret_cast<F>(sf::Context::getFunction(core));
    if (!into) into = reinterpret_cast<F>(sf::Context::getFunction(ext));
    return into != nullptr;
}

} // namespace

bool FramebufferCopy::load() {
    if (m_loaded != 0) return m_loaded > 0;
    const bool ok = find(gl.genFramebuffers, "glGenFramebuffers", "glGenFramebuffersEXT") &&
                    find(gl.deleteFramebuffers, "glDeleteFramebuffers", "glDeleteFramebuffersEXT") &&
                    find(gl.bindFramebuffer, "glBindFramebuffer", "glBindFramebufferEXT") &&
                    find(gl.framebufferTexture2D, "glFramebufferTexture2D", "glFramebufferTexture2DEXT") &&
                    find(gl.checkFramebufferStatus, "glCheckFramebufferStatus",
                         "glCheckFramebufferStatusEXT") &&
                    find(gl.blitFramebuffer, "glBlitFramebuffer", "glBlitFramebufferEXT");
    m_loaded = ok ? 1 : -1;
    return ok;
}

FramebufferCopy::~FramebufferCopy() {
    // framebuffers die with their contexts; the one of the context still current is freed here
    if (m_loaded <= 0) return;
    const auto current = m_framebuffers.find(sf::Context::getActiveContextId());
    if (current != m_framebuffers.end()) gl.deleteFramebuffers(1, &current->second);
}

bool FramebufferCopy::copy(const sf::Texture& source, sf::RenderTarget& target, int left, int top) {
    if (m_loaded < 0 || !target.setActive(true) || !load()) return false;
    clearErrors();
    GLint drawn = 0, read = 0;
    glGetIntegerv(kDrawFramebufferBinding, &drawn);
    glGetIntegerv(kReadFramebufferBinding, &read);
    auto [at, fresh] = m_framebuffers.try_emplace(sf::Context::getActiveContextId(), 0u);
    if (fresh) gl.genFramebuffers(1, &at->second);

    // attached anew each time: a texture's name can be reused after it is deleted
    gl.bindFramebuffer(kReadFramebuffer, at->second);
    gl.framebufferTexture2D(kReadFramebuffer, kColorAttachment0, GL_TEXTURE_2D, source.getNativeHandle(), 0);
    if (gl.checkFramebufferStatus(kReadFramebuffer) != kFramebufferComplete) {
        gl.bindFramebuffer(kReadFramebuffer, static_cast<GLuint>(read));
        m_loaded = -1; // once incomplete, the caller's sprite from then on
        return false;
    }
    const int w = static_cast<int>(source.getSize().x), h = static_cast<int>(source.getSize().y);
    const int bottom = static_cast<int>(target.getSize().y) - top - h;
    gl.bindFramebuffer(kDrawFramebuffer, static_cast<GLuint>(drawn));
    // OpenGL counts rows bottom first: a texture of rows top first is
    // flipped on the way, which for Mesa cancels out its own flip into a
    // window (whose rows are top first in memory), leaving a plain copy
    gl.blitFramebuffer(0, 0, w, h, left, bottom + h, left + w, bottom, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    gl.bindFramebuffer(kReadFramebuffer, static_cast<GLuint>(read));
    return glGetError() == GL_NO_ERROR;
}

bool readBgra(int left, int bottom, int width, int height, std::vector<std::uint8_t>& bgra) {
    const std::size_t row = std::size_t(width) * 4;
    bgra.resize(row * std::size_t(height));
    clearErrors();
    glReadPixels(left, bottom, width, height, kBgra, GL_UNSIGNED_BYTE, bgra.data());
    if (glGetError() != GL_NO_ERROR) return false;
    // read bottom row first, as OpenGL counts them
    for (std::size_t top = 0, end = std::size_t(height); top + 1 < end; ++top, --end)
        std::swap_ranges(bgra.begin() + std::ptrdiff_t(top * row),
                         bgra.begin() + std::ptrdiff_t((top + 1) * row),
                         bgra.begin() + std::ptrdiff_t((end - 1) * row));
    return true;
}

bool uploadBgra(sf::Texture& texture, const std::uint8_t* bgra, sf::Vector2u size) {
    const bool fresh = texture.getSize() != size;
    if (fresh && !texture.create(size.x, size.y)) return false;
    // bound here and put back: SFML remembers which texture it left bound
    GLint bound = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &bound);
    glBindTexture(GL_TEXTURE_2D, texture.getNativeHandle());
    const auto w = static_cast<GLsizei>(size.x), h = static_cast<GLsizei>(size.y);
    // created RGBA by SFML: given again as BGRA, which Mesa then stores as it is given
    if (fresh)
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, w, h, 0, kBgra, GL_UNSIGNED_BYTE, bgra);
    else
        glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, w, h, kBgra, GL_UNSIGNED_BYTE, bgra);
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(bound));
    return true;
}

} // namespace nofly::render
