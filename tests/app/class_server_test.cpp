// The vote server (`nofly view --class`, app/class_server.hpp) on the
// loopback address, spoken to as a phone would with cpp-httplib's client:
// the page sets a device cookie; a vote needs it, the code and the open
// question; and nothing but the page and its two calls is answered.
#include "app/class_server.hpp"

#include <httplib.h>

#include <gtest/gtest.h>

namespace nofly::app {
namespace {

class ClassServerTest : public ::testing::Test {
  protected:
    void SetUp() override {
        box = std::make_shared<report::BallotBox>("4821");
        box->open(report::BallotBox::Question{
            "base/bridge", "Will the bridge inspection fly?", {"allowed", "cancelled"}, ""});
        server = std::make_unique<ClassServer>(box);
        std::string why;
        ASSERT_TRUE(server->start("127.0.0.1", 0, why)) << why;
        client = std::make_unique<httplib::Client>("127.0.0.1", server->port());
        client->set_connection_timeout(5, 0);
        client->set_read_timeout(5, 0);
    }

    /// A phone's device cookie, from opening the page.
    std::string openPage() {
        const auto page = client->Get("/");
        EXPECT_TRUE(page);
        if (!page) return {};
        EXPECT_EQ(page->status, 200);
        EXPECT_NE(page->body.find("nofly: the class votes"), std::string::npos);
        const std::string cookie = page->get_header_value("Set-Cookie");
        return cookie.substr(0, cookie.find(';'));
    }

    httplib::Result vote(const std::string& cookie, const std::string& code, const std::string& choice,
                         const std::string& key = "base/bridge") {
        httplib::Headers headers;
        if (!cookie.empty()) headers.emplace("Cookie", cookie);
        return client->Post("/vote", headers, "code=" + code + "&key=" + key + "&choice=" + choice,
                            "application/x-www-form-urlencoded");
    }

    std::shared_ptr<report::BallotBox> box;
    std::unique_ptr<ClassServer> server;
    std::unique_ptr<httplib::Client> client;
};

TEST_F(ClassServerTest, APhoneVotesOnceWithTheCode) {
    const std::string phone = openPage();
    ASSERT_EQ(phone.rfind("nofly_device=", 0), 0u) << phone;
    EXPECT_EQ(phone.size(), 13u + 32u);

    const auto question = client->Get("/question?code=4821");
    ASSERT_TRUE(question);
    EXPECT_EQ(question->status, 200);
    EXPECT_NE(question->body.find("\"key\":\"base/bridge\""), std::string::npos);
    const auto wrongCode = client->Get("/question?code=1111");
    ASSERT_TRUE(wrongCode);
    EXPECT_EQ(wrongCode->status, 403);

    auto r = vote(phone, "1111", "cancelled");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 403);
    EXPECT_NE(r->body.find("Wrong code"), std::string::npos);
    r = vote(phone, "4821", "cancelled");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200) << r->body;
    r = vote(phone, "4821", "allowed");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 409);
    EXPECT_NE(r->body.find("already voted"), std::string::npos);
    r = vote("", "4821", "allowed");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 400) << "no device cookie";
    r = vote("nofly_device=../../etc", "4821", "allowed");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 400) << "not a device id of ours";
    r = vote(openPage(), "4821", "allowed", "base/wedding");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 410) << "not the open question";
    r = vote(openPage(), "4821", "allowed");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(box->counted("base/bridge"), (std::map<std::string, int>{{"allowed", 1}, {"cancelled", 1}}));
}

TEST_F(ClassServerTest, AnswersNothingButThePageAndItsCalls) {
    for (const char* path : {"/admin", "/vote/../question", "/index.html", "/question/"}) {
        const auto r = client->Get(path);
        ASSERT_TRUE(r) << path;
        EXPECT_EQ(r->status, 404) << path;
    }
    auto r = client->Get("/vote");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 405);
    r = client->Put("/vote", "code=4821", "application/x-www-form-urlencoded");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 405);
    r = client->Delete("/");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 405);
    // a vote as JSON, and a body larger than a vote: refused unread
    r = client->Post("/vote", R"({"code":"4821"})", "application/json");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 415);
    r = client->Post("/vote", std::string(64 * 1024, 'x'), "application/x-www-form-urlencoded");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 413);
    EXPECT_TRUE(box->take().empty());
}

TEST_F(ClassServerTest, StopsAndLetsThePortGo) {
    const int port = server->port();
    server->stop();
    httplib::Client after("127.0.0.1", port);
    after.set_connection_timeout(1, 0);
    EXPECT_FALSE(after.Get("/")) << "nothing listens once stopped";
    ClassServer again(box);
    std::string why;
    EXPECT_TRUE(again.start("127.0.0.1", port, why)) << why;
}

TEST(ClassServer, BindsOnlyToALocalNetworkAddress) {
    ClassServer server(std::make_shared<report::BallotBox>("1"));
    std::string why;
    EXPECT_FALSE(server.start("0.0.0.0", 0, why));
    EXPECT_EQ(why, "0.0.0.0 is not an address on a local network (the vote server binds only to a private, "
                   "link-local or loopback IPv4 address)");
    EXPECT_FALSE(server.start("8.8.8.8", 0, why));
}

TEST(ClassServer, FindsThisMachinesLocalAddresses) {
    const std::vector<std::string> addresses = localAddresses();
    ASSERT_FALSE(addresses.empty());
    EXPECT_EQ(addresses.back().rfind("127.", 0), 0u) << "loopback last";
    for (const std::string& a : addresses)
        EXPECT_TRUE(report::localNetworkAddress(a)) << a;
}

} // namespace
} // namespace nofly::app
