#include "app/class_server.hpp"

#include <httplib.h>

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <netinet/in.h>

#include <chrono>
#include <random>

namespace nofly::app {

namespace {

constexpr const char* kDeviceCookie = "nofly_device";

/// The device id in a request's cookie, or empty.
std::string deviceOf(const httplib::Request& request) {
    const std::string cookies = request.get_header_value("Cookie");
    const std::string name = std::string(kDeviceCookie) + "=";
    for (std::size_t at = 0; at < cookies.size();) {
        while (at < cookies.size() && (cookies[at] == ' ' || cookies[at] == ';'))
            ++at;
        std::size_t end = cookies.find(';', at);
        if (end == std::string::npos) end = cookies.size();
        if (cookies.compare(at, name.size(), name) == 0) {
            std::string id = cookies.substr(at + name.size(), end - at - name.size());
            // ids are ours: 32 hex digits; anything else is no device
            if (id.size() == 32 && id.find_first_not_of("0123456789abcdef") == std::string::npos) return id;
            return {};
        }
        at = end;
    }
    return {};
}

std::string newDevice() {
    static thread_local std::mt19937_64 random{std::random_device{}()};
    char text[33];
    std::snprintf(text, sizeof text, "%016llx%016llx", static_cast<unsigned long long>(random()),
                  static_cast<unsigned long long>(random()));
    return text;
}

} // namespace

ClassServer::ClassServer(std::shared_ptr<report::BallotBox> box) : m_box(std::move(box)) {}

ClassServer::~ClassServer() {
    stop();
}

bool ClassServer::start(const std::string& address, int port, std::string& why) {
    if (!report::localNetworkAddress(address)) {
        why = address + " is not an address on a local network (the vote server binds only to a private, "
                        "link-local or loopback IPv4 address)";
        return false;
    }
    m_server = std::make_unique<httplib::Server>();
    httplib::Server& server = *m_server;
    // a classroom: a few threads, small requests, short waits
    server.new_task_queue = [] { return new httplib::ThreadPool(4); };
    server.set_payload_max_length(1024);
    server.set_read_timeout(5, 0);
    server.set_write_timeout(5, 0);
    server.set_keep_alive_max_count(20);
    server.set_pre_routing_handler([](const httplib::Request& request, httplib::Response& response) {
        // only the local network, and only the page and its two calls
        const bool known =
            (request.method == "GET" && (request.path == "/" || request.path == "/question")) ||
            (request.method == "POST" && request.path == "/vote");
        if (!report::localNetworkAddress(request.remote_addr)) {
            response.status = 403;
        } else if (!known) {
            response.status =
                request.path == "/" || request.path == "/question" || request.path == "/vote" ? 405 : 404;
        } else {
            return httplib::Server::HandlerResponse::Unhandled;
        }
        response.set_content("", "text/plain");
        return httplib::Server::HandlerResponse::Handled;
    });
    server.Get("/", [](const httplib::Request& request, httplib::Response& response) {
        if (deviceOf(request).empty())
            response.set_header("Set-Cookie", std::string(kDeviceCookie) + "=" + newDevice() +
                                                  "; Path=/; HttpOnly; SameSite=Strict");
        response.set_header("Cache-Control", "no-store");
        response.set_content(report::votePage(), "text/html; charset=utf-8");
    });
    server.Get("/question", [box = m_box](const httplib::Request& request, httplib::Response& response) {
        response.set_header("Cache-Control", "no-store");
        if (request.get_param_value("code") != box->joinCode()) {
            response.status = 403;
            response.set_content(report::BallotBox::resultJson(report::BallotBox::Result::WrongCode, ""),
                                 "application/json");
            return;
        }
        response.set_content(box->questionJson(), "application/json");
    });
    server.Post("/vote", [box = m_box](const httplib::Request& request, httplib::Response& response) {
        using R = report::BallotBox::Result;
        if (request.get_header_value("Content-Type").rfind("application/x-www-form-urlencoded", 0) != 0) {
            response.status = 415;
            return;
        }
        const std::string choice = request.get_param_value("choice");
        const R result = box->vote(request.get_param_value("code"), deviceOf(request),
                                   request.get_param_value("key"), choice);
        switch (result) {
        case R::Counted: response.status = 200; break;
        case R::WrongCode: response.status = 403; break;
        case R::AlreadyVoted: response.status = 409; break;
        case R::NoQuestion:
        case R::NotThisQuestion: response.status = 410; break;
        case R::NoDevice:
        case R::NotAChoice: response.status = 400; break;
        }
        response.set_content(report::BallotBox::resultJson(result, choice), "application/json");
    });
    if (port == 0) {
        m_port = server.bind_to_any_port(address);
        if (m_port <= 0) {
            why = "could not listen on " + address;
            m_server.reset();
            return false;
        }
    } else if (!server.bind_to_port(address, port)) {
        why = "could not listen on " + address + ":" + std::to_string(port) + " (is the port in use?)";
        m_server.reset();
        return false;
    } else {
        m_port = port;
    }
    m_thread = std::thread([&server] { server.listen_after_bind(); });
    // running before start() returns, so that a stop() straight after it is not missed
    for (int k = 0; k < 2000 && !server.is_running(); ++k)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return true;
}

void ClassServer::stop() {
    if (!m_server) return;
    m_server->stop();
    if (m_thread.joinable()) m_thread.join();
    m_server.reset();
}

std::vector<std::string> localAddresses() {
    std::vector<std::string> out, loopback;
    ifaddrs* list = nullptr;
    if (::getifaddrs(&list) != 0) return {"127.0.0.1"};
    for (ifaddrs* i = list; i; i = i->ifa_next) {
        if (!i->ifa_addr || i->ifa_addr->sa_family != AF_INET) continue;
        char text[INET_ADDRSTRLEN] = {};
        const auto* in = reinterpret_cast<const sockaddr_in*>(i->ifa_addr);
        if (!::inet_ntop(AF_INET, &in->sin_addr, text, sizeof text)) continue;
        const std::string address = text;
        if (!report::localNetworkAddress(address)) continue;
        (address.rfind("127.", 0) == 0 ? loopback : out).push_back(address);
    }
    ::freeifaddrs(list);
    out.insert(out.end(), loopback.begin(), loopback.end());
    return out;
}

} // namespace nofly::app
