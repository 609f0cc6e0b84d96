#include "render/framebuffer_copy.hpp"

#include <SFML/OpenGL.hpp>
#include <SFML/Window/Context.hpp>

namespace nofly::render {

namespace {

// the OpenGL 3.0 names (GL/gl.h declares OpenGL 1.1 only)
constexpr GLenum kReadFramebuffer = 0x8CA8;
constexpr GLenum kDrawFramebuffer = 0x8CA9;
constexpr GLenum kReadFramebufferBinding = 0x8CAA;
constexpr GLenum kDrawFramebufferBinding = 0x8CA6;
constexpr GLenum kColorAttachment0 = 0x8CE0;
constexpr GLenum kFramebufferComplete = 0x8CD5;

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
    while (glGetError() != GL_NO_ERROR) { // an earlier call's error is not the copy's
    }
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
    gl.blitFramebuffer(0, 0, w, h, left, bottom, left + w, bottom + h, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    gl.bindFramebuffer(kReadFramebuffer, static_cast<GLuint>(read));
    return glGetError() == GL_NO_ERROR;
}

} // namespace nofly::render
