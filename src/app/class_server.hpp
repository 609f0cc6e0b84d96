// The class's vote server (`nofly view --class`): phones on the classroom's
// network open a small page and vote on the question the window has open.
// Its job is to serve that page and its two calls, and nothing else, over
// cpp-httplib on a thread of its own: bound to one local-network address
// (private, link-local or loopback), answering only such addresses, with
// small requests, short timeouts and a few threads; and to stop with the
// window. The votes themselves are the ballot box's (report/ballot_box.hpp).
#pragma once

#include "report/ballot_box.hpp"

#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace httplib {
class Server;
}

namespace nofly::app {

class ClassServer {
  public:
    explicit ClassServer(std::shared_ptr<report::BallotBox> box);
    ~ClassServer(); ///< stops
    ClassServer(const ClassServer&) = delete;
    ClassServer& operator=(const ClassServer&) = delete;

    /// Binds to `address`:`port` (0: any free port) and serves on a thread.
    /// False, with why, for an address not on a local network or a port that cannot be had.
    bool start(const std::string& address, int port, std::string& why);
    /// The port it listens on (after start()).
    int port() const { return m_port; }
    /// Stops serving and joins the thread; nothing when not started.
    void stop();

  private:
    std::shared_ptr<report::BallotBox> m_box;
    std::unique_ptr<httplib::Server> m_server;
    std::thread m_thread;
    int m_port = 0;
};

/// This machine's IPv4 addresses on a local network, loopback last (for the
/// address shown on the projector: the first).
std::vector<std::string> localAddresses();

} // namespace nofly::app
