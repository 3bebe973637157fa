// The LLM client against a real HTTP server on the loopback interface that
// speaks the OpenAI and Anthropic wire formats and misbehaves on cue.
#include <QtTest>

#include <atomic>
#include <thread>

#include "llm/api_key.h"
#include "llm/llm_client.h"
#include "llm/sse_parser.h"
#include "llm/wire_format.h"
#include "support/loopback_http_server.h"
#include "util/error.h"

using namespace kforge;
using namespace kforge::test;

namespace {

const char* kKey = "sk-test-0123456789abcdefSECRET";

ProviderConfig provider(const LoopbackHttpServer& server, LlmApi api = LlmApi::OpenAiChat, const std::string& name = "loop") {
    ProviderConfig p;
    p.name = name;
    p.api = api;
    p.baseUrl = server.url("/v1");
    p.model = "scripted-model";
    p.retries = 3;
    p.backoffSeconds = 0.05;
    p.maxBackoffSeconds = 0.2;
    p.timeoutSeconds = 20;
    p.idleTimeoutSeconds = 5;
    p.prices = {2.0, 8.0};
    return p;
}

ChatRequest question() {
    ChatRequest r;
    r.system = "You write kernels.";
    r.messages = {{"user", "Make it faster."}};
    return r;
}

ScriptedReply status(int code, std::vector<std::pair<std::string, std::string>> headers = {}) {
    return jsonReply(code, R"({"error":{"type":"rate_limit_error","message":"slow down"}})", std::move(headers));
}

void checkNoKey(const ChatResult& r) {
    QVERIFY(r.error.find(kKey) == std::string::npos);
    for (const auto& a : r.attempts) QVERIFY(a.error.find(kKey) == std::string::npos);
    QVERIFY(r.text.find(kKey) == std::string::npos);
}

}  // namespace

class TestLlmClient : public QObject {
    Q_OBJECT

private slots:
    // Token counts are whole numbers from 0 to 10^15; anything else in a
    // usage object (the fuzzer sent 6.7e118) is ignored, never converted.
    void absurdTokenCountsAreIgnored() {
        const auto usage = nlohmann::json::parse(
            R"({"a": 1200, "b": 42.0, "c": 6.66667e+118, "d": -3, "e": 1.5, "f": 18446744073709551615, "g": "7", "h": 1e15})");
        QCOMPARE(tokenCount(usage, "a"), std::optional<int64_t>(1200));
        QCOMPARE(tokenCount(usage, "b"), std::optional<int64_t>(42));
        QCOMPARE(tokenCount(usage, "h"), std::optional<int64_t>(1000000000000000));
        for (const char* k : {"c", "d", "e", "f", "g", "missing"}) QVERIFY2(!tokenCount(usage, k), k);
    }

    void sseParserHandlesSplitsAndComments() {
        std::vector<SseEvent> events;
        SseParser p([&](const SseEvent& e) { events.push_back(e); });
        const std::string stream = ": comment\r\nevent: delta\r\ndata: one\r\ndata: two\r\n\r\ndata:three\n\nid: 7\ndata: four\r\r";
        // Byte by byte: a CRLF split between two pieces must count once.
        for (char c : stream) p.feed(std::string_view(&c, 1));
        QCOMPARE(events.size(), size_t(3));
        QCOMPARE(events[0].event, std::string("delta"));
        QCOMPARE(events[0].data, std::string("one\ntwo"));
        QCOMPARE(events[1].event, std::string("message"));
        QCOMPARE(events[1].data, std::string("three"));
        QCOMPARE(events[2].id, std::string("7"));
        p.feed("data: unfinished");
        QVERIFY(p.finish());
        QCOMPARE(events.size(), size_t(3));
    }

    void openAiStreamsTextAndCountsTokens() {
        LoopbackHttpServer server([](const ReceivedRequest&, int) { return openAiStream({"```cuda\n", "__global__ void k(){}\n", "```"}, 1200, 300); });
        qputenv("KFORGE_TEST_KEY", kKey);
        ProviderConfig p = provider(server);
        p.keyEnv = "KFORGE_TEST_KEY";
        LlmClient client(p, resolveApiKey(p));
        std::string live;
        const ChatResult r = client.chat(question(), [&](const ChatStreamEvent& e) {
            if (e.kind == ChatStreamEvent::Kind::Text) live += e.text;
        });
        QCOMPARE(chatOutcomeName(r.outcome), std::string_view("complete"));
        QCOMPARE(r.text, std::string("```cuda\n__global__ void k(){}\n```"));
        QCOMPARE(live, r.text);
        QCOMPARE(r.usage.inputTokens, int64_t(1200));
        QCOMPARE(r.usage.outputTokens, int64_t(300));
        QVERIFY(!r.usage.estimated);
        QCOMPARE(r.cost, (1200 * 2.0 + 300 * 8.0) / 1e6);
        QCOMPARE(r.model, std::string("scripted-model"));
        QVERIFY(r.firstTokenSeconds >= 0);
        const auto reqs = server.requests();
        QCOMPARE(reqs.size(), size_t(1));
        QCOMPARE(reqs[0].path, std::string("/v1/chat/completions"));
        QCOMPARE(reqs[0].headers.at("authorization"), std::string("Bearer ") + kKey);
        const auto body = nlohmann::json::parse(reqs[0].body);
        QCOMPARE(body.at("messages").at(0).at("role").get<std::string>(), std::string("system"));
        QVERIFY(body.at("stream").get<bool>());
        QCOMPARE(body.at("max_tokens").get<int>(), p.maxOutputTokens);
        checkNoKey(r);
    }

    void anthropicStreamsTextAndCountsTokens() {
        LoopbackHttpServer server([](const ReceivedRequest&, int) { return anthropicStream({"Hello ", "kernel"}, 900, 40); });
        LlmClient client(provider(server, LlmApi::AnthropicMessages, "loop-anthropic"), ApiKey{kKey, "test"});
        const ChatResult r = client.chat(question());
        QCOMPARE(chatOutcomeName(r.outcome), std::string_view("complete"));
        QCOMPARE(r.text, std::string("Hello kernel"));
        QCOMPARE(r.usage.inputTokens, int64_t(900));
        QCOMPARE(r.usage.outputTokens, int64_t(40));
        QCOMPARE(r.finishReason, std::string("stop"));
        const auto reqs = server.requests();
        QCOMPARE(reqs[0].path, std::string("/v1/messages"));
        QCOMPARE(reqs[0].headers.at("x-api-key"), std::string(kKey));
        QCOMPARE(reqs[0].headers.at("anthropic-version"), std::string("2023-06-01"));
        const auto body = nlohmann::json::parse(reqs[0].body);
        QCOMPARE(body.at("system").get<std::string>(), std::string("You write kernels."));
        QCOMPARE(body.at("messages").size(), size_t(1));
    }

    void truncatedAnswerIsReportedAsTruncated() {
        LoopbackHttpServer server([](const ReceivedRequest&, int) { return anthropicStream({"```cuda\nint x"}, 10, 8192, "max_tokens"); });
        LlmClient client(provider(server, LlmApi::AnthropicMessages, "loop-trunc"), ApiKey{});
        const ChatResult r = client.chat(question());
        QCOMPARE(chatOutcomeName(r.outcome), std::string_view("truncated"));
        QCOMPARE(r.finishReason, std::string("length"));
    }

    void wholeJsonBodyIsRead() {
        LoopbackHttpServer server([](const ReceivedRequest&, int) {
            return jsonReply(200, R"({"model":"m","choices":[{"message":{"role":"assistant","content":"whole"},"finish_reason":"stop"}]})");
        });
        LlmClient client(provider(server, LlmApi::OpenAiChat, "loop-json"), ApiKey{});
        const ChatResult r = client.chat(question());
        QCOMPARE(chatOutcomeName(r.outcome), std::string_view("complete"));
        QCOMPARE(r.text, std::string("whole"));
        QVERIFY(r.usage.estimated);  // no usage in the body: estimated, and said so
        QVERIFY(r.usage.inputTokens > 0);
    }

    void tooManyRequestsHonoursRetryAfter() {
        LoopbackHttpServer server([](const ReceivedRequest&, int i) {
            return i == 0 ? status(429, {{"Retry-After", "1"}}) : openAiStream({"ok"});
        });
        std::vector<std::string> retries;
        LlmClient client(provider(server, LlmApi::OpenAiChat, "loop-429"), ApiKey{kKey, "test"});
        const ChatResult r = client.chat(question(), [&](const ChatStreamEvent& e) {
            if (e.kind == ChatStreamEvent::Kind::Retry) retries.emplace_back(e.text);
        });
        QCOMPARE(chatOutcomeName(r.outcome), std::string_view("complete"));
        QCOMPARE(r.attempts.size(), size_t(2));
        QCOMPARE(r.attempts[0].httpStatus, 429L);
        QVERIFY2(r.attempts[0].error.find("slow down") != std::string::npos, r.attempts[0].error.c_str());
        QVERIFY2(r.attempts[1].waitBefore >= 1.0 && r.attempts[1].waitBefore < 1.2, std::to_string(r.attempts[1].waitBefore).c_str());
        QVERIFY(r.seconds >= 1.0);
        QCOMPARE(retries.size(), size_t(1));
        checkNoKey(r);
    }

    void serverErrorsBackOffAndGiveUp() {
        LoopbackHttpServer server([](const ReceivedRequest&, int) { return jsonReply(500, "internal trouble"); });
        ProviderConfig p = provider(server, LlmApi::OpenAiChat, "loop-500");
        p.retries = 2;
        LlmClient client(p, ApiKey{kKey, "test"});
        const ChatResult r = client.chat(question());
        QCOMPARE(chatOutcomeName(r.outcome), std::string_view("failed"));
        QCOMPARE(r.attempts.size(), size_t(3));
        QCOMPARE(server.requests().size(), size_t(3));
        QVERIFY(r.attempts[1].waitBefore > 0);
        // Exponential: the second wait's range [0.5, 1] x 0.1 starts where the first's [0.5, 1] x 0.05 ends.
        QVERIFY(r.attempts[2].waitBefore >= r.attempts[1].waitBefore * 0.99);
        QVERIFY2(r.error.find("HTTP 500: internal trouble") != std::string::npos, r.error.c_str());
    }

    void serverErrorThenSuccess() {
        LoopbackHttpServer server([](const ReceivedRequest&, int i) { return i < 2 ? jsonReply(503, "{}") : openAiStream({"fine"}); });
        LlmClient client(provider(server, LlmApi::OpenAiChat, "loop-503"), ApiKey{});
        const ChatResult r = client.chat(question());
        QCOMPARE(chatOutcomeName(r.outcome), std::string_view("complete"));
        QCOMPARE(r.attempts.size(), size_t(3));
        QCOMPARE(r.text, std::string("fine"));
    }

    void clientErrorsAreNotRetried() {
        LoopbackHttpServer server([](const ReceivedRequest&, int) {
            // Plain literals: moc misreads a raw string that starts with a quote.
            return jsonReply(401, std::string("{\"error\":{\"message\":\"Incorrect API key provided: ") + kKey + "\"}}");
        });
        LlmClient client(provider(server, LlmApi::OpenAiChat, "loop-401"), ApiKey{kKey, "test"});
        const ChatResult r = client.chat(question());
        QCOMPARE(chatOutcomeName(r.outcome), std::string_view("failed"));
        QCOMPARE(server.requests().size(), size_t(1));
        // The server echoed the key; what we keep must not.
        checkNoKey(r);
        QVERIFY2(r.error.find("sk-…") != std::string::npos, r.error.c_str());
    }

    void malformedJsonIsRetriedThenReported() {
        LoopbackHttpServer server([](const ReceivedRequest&, int i) {
            if (i == 0) return jsonReply(200, R"({"choices": [ {"message": )");
            ScriptedReply bad;
            bad.headers = {{"Content-Type", "text/event-stream"}};
            bad.body = {{"data: {\"choices\": [{\"delta\": {\"content\": \"x\"}}]}\n\n", {}}, {"data: {not json}\n\n", {}}};
            return bad;
        });
        ProviderConfig p = provider(server, LlmApi::OpenAiChat, "loop-malformed");
        p.retries = 1;
        LlmClient client(p, ApiKey{});
        const ChatResult r = client.chat(question());
        QCOMPARE(chatOutcomeName(r.outcome), std::string_view("failed"));
        QCOMPARE(r.attempts.size(), size_t(2));
        QVERIFY2(r.attempts[0].error.find("malformed answer body") != std::string::npos, r.attempts[0].error.c_str());
        QVERIFY2(r.attempts[1].error.find("malformed event") != std::string::npos, r.attempts[1].error.c_str());
    }

    void streamCutMidwayIsRetried() {
        LoopbackHttpServer server([](const ReceivedRequest&, int i) {
            ScriptedReply r = openAiStream({"```cuda\n", "__global__ void k(){}\n", "```"});
            if (i == 0) {
                r.body.resize(2);  // the connection closes after the first piece: no finish, no [DONE]
            } else if (i == 1) {
                r.chunked = true;  // a chunked body that stops without its last chunk: a transport error
                r.cutAfterBody = true;
                r.body.resize(3);
            }
            return r;
        });
        std::string live;
        int retries = 0;
        LlmClient client(provider(server, LlmApi::OpenAiChat, "loop-cut"), ApiKey{});
        const ChatResult r = client.chat(question(), [&](const ChatStreamEvent& e) {
            if (e.kind == ChatStreamEvent::Kind::Retry) {
                ++retries;
                live.clear();
            } else {
                live += e.text;
            }
        });
        QCOMPARE(chatOutcomeName(r.outcome), std::string_view("complete"));
        QCOMPARE(r.attempts.size(), size_t(3));
        QVERIFY2(r.attempts[0].error.find("before the answer was complete") != std::string::npos, r.attempts[0].error.c_str());
        QVERIFY2(r.attempts[1].error.find("network error") != std::string::npos, r.attempts[1].error.c_str());
        QCOMPARE(retries, 2);
        QCOMPARE(live, r.text);
        QCOMPARE(r.text, std::string("```cuda\n__global__ void k(){}\n```"));
    }

    void tenMegabyteAnswerIsCutOff() {
        const std::string piece(64 * 1024, 'x');
        LoopbackHttpServer server([&](const ReceivedRequest&, int) {
            return openAiStream(std::vector<std::string>(160, piece));  // 10 MiB of text
        });
        ProviderConfig p = provider(server, LlmApi::OpenAiChat, "loop-10mb");
        p.maxAnswerBytes = 1 << 20;
        LlmClient client(p, ApiKey{});
        const ChatResult r = client.chat(question());
        QCOMPARE(chatOutcomeName(r.outcome), std::string_view("oversized"));
        QCOMPARE(r.text.size(), size_t(1 << 20));
        QCOMPARE(server.requests().size(), size_t(1));  // not retried
        QVERIFY2(r.error.find("max_answer_bytes") != std::string::npos, r.error.c_str());
    }

    void cancelEndsAnExchangeInFlight() {
        LoopbackHttpServer server([](const ReceivedRequest&, int) {
            ScriptedReply r = openAiStream({"slow"});
            r.body.resize(2);
            r.stallAfter = std::chrono::seconds(30);
            return r;
        });
        LlmClient client(provider(server, LlmApi::OpenAiChat, "loop-cancel"), ApiKey{});
        std::atomic<bool> cancel{false};
        std::thread canceller([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            cancel = true;
        });
        const auto t0 = std::chrono::steady_clock::now();
        const ChatResult r = client.chat(question(), {}, &cancel);
        canceller.join();
        QCOMPARE(chatOutcomeName(r.outcome), std::string_view("cancelled"));
        QVERIFY(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(3));
    }

    void silenceEndsAnAttempt() {
        LoopbackHttpServer server([](const ReceivedRequest&, int i) {
            ScriptedReply r = openAiStream({"stalled"});
            if (i == 0) {
                r.body.resize(2);
                r.stallAfter = std::chrono::seconds(30);
            }
            return r;
        });
        ProviderConfig p = provider(server, LlmApi::OpenAiChat, "loop-idle");
        p.idleTimeoutSeconds = 1;
        LlmClient client(p, ApiKey{});
        const ChatResult r = client.chat(question());
        QCOMPARE(chatOutcomeName(r.outcome), std::string_view("complete"));
        QCOMPARE(r.attempts.size(), size_t(2));
        QVERIFY2(r.attempts[0].error.find("timed out") != std::string::npos, r.attempts[0].error.c_str());
    }

    void concurrencyIsLimitedPerProvider() {
        LoopbackHttpServer server([](const ReceivedRequest&, int) {
            ScriptedReply r = openAiStream({"a"});
            r.body.front().delayBefore = std::chrono::milliseconds(150);
            return r;
        });
        ProviderConfig p = provider(server, LlmApi::OpenAiChat, "loop-concurrency");
        p.maxConcurrent = 2;
        // Two clients of one provider share its limit.
        LlmClient a(p, ApiKey{}), b(p, ApiKey{});
        std::vector<std::thread> threads;
        std::atomic<int> complete{0};
        for (int i = 0; i < 6; ++i)
            threads.emplace_back([&, i] {
                if ((i % 2 ? a : b).chat(question()).outcome == ChatOutcome::Complete) ++complete;
            });
        for (auto& t : threads) t.join();
        QCOMPARE(complete.load(), 6);
        QCOMPARE(server.maxConcurrent(), 2);
    }

    void unreachableServerIsANetworkError() {
        ProviderConfig p;
        p.name = "nowhere";
        p.baseUrl = "http://127.0.0.1:1/v1";
        p.model = "m";
        p.retries = 1;
        p.backoffSeconds = 0.01;
        LlmClient client(p, ApiKey{});
        const ChatResult r = client.chat(question());
        QCOMPARE(chatOutcomeName(r.outcome), std::string_view("failed"));
        QCOMPARE(r.attempts.size(), size_t(2));
        QVERIFY2(r.error.find("network error") != std::string::npos, r.error.c_str());
    }

    void retryAfterParses() {
        QCOMPARE(parseRetryAfter("7").value(), 7.0);
        QCOMPARE(parseRetryAfter("0.5").value(), 0.5);
        QVERIFY(!parseRetryAfter("soon"));
        QCOMPARE(parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT").value(), 0.0);  // in the past: now
    }

    void keysAreMaskedAndRedacted() {
        QCOMPARE(maskKey(kKey), std::string("sk-…CRET"));
        QCOMPARE(maskKey(""), std::string("(none)"));
        QCOMPARE(maskKey("short"), std::string("********"));
        const std::string leaked = std::string("url https://x/?key=") + kKey + " and header " + kKey;
        const std::string clean = redact(leaked, kKey);
        QVERIFY(clean.find(kKey) == std::string::npos);
        QVERIFY(clean.find("sk-…CRET") != std::string::npos);
    }

    void keyComesFromTheEnvironment() {
        ProviderConfig p;
        p.name = "env";
        p.keyEnv = "KFORGE_TEST_MISSING_KEY";
        qunsetenv("KFORGE_TEST_MISSING_KEY");
        try {
            resolveApiKey(p);
            QFAIL("a missing key variable must be an error");
        } catch (const Error& e) {
            QVERIFY2(std::string(e.what()).find("KFORGE_TEST_MISSING_KEY") != std::string::npos, e.what());
        }
        qputenv("KFORGE_TEST_MISSING_KEY", "abc123456789xyz\n");
        QCOMPARE(resolveApiKey(p).value, std::string("abc123456789xyz"));
        p.keyEnv.clear();
        QCOMPARE(resolveApiKey(p).origin, std::string("none"));
    }

    void providerFilesAreCheckedWithLocations() {
        QTemporaryDir dir;
        const auto file = std::filesystem::path(dir.path().toStdString()) / "providers.json";
        QVERIFY(loadProviders(file).empty());  // absent: none
        ProviderConfig p = providerPresets().front().config;
        p.temperature = 0.2;
        p.extraHeaders = {{"OpenAI-Organization", "org-1"}};
        saveProviders(file, {p});
        const auto back = loadProviders(file);
        QCOMPARE(back.size(), size_t(1));
        QCOMPARE(toJson(back[0]).dump(), toJson(p).dump());

        auto refused = [&](const std::string& text, const std::string& expected) {
            writeFile(file, text);
            try {
                loadProviders(file);
                QFAIL(("accepted: " + text).c_str());
            } catch (const Error& e) {
                QVERIFY2(std::string(e.what()).find(expected) != std::string::npos, e.what());
                QVERIFY2(std::string(e.what()).find(file.string()) != std::string::npos, e.what());
            }
        };
        // URLs are written "http:\/\/x" (a JSON escape): moc takes "//" in a raw string for a comment.
        refused("{", "not valid JSON");
        refused(R"({"providers":[{"name":"a","base_url":"ftp:\/\/x","model":"m"}]})", "providers[0] (provider 'a'): 'base_url' must start");
        refused(R"({"providers":[{"name":"a","base_url":"http:\/\/x","model":"m","api":"grpc"}]})", "'api' is 'grpc'");
        refused(R"({"providers":[{"name":"a","base_url":"http:\/\/x","model":"m","api_key":"sk-1"}]})", "keys are not kept in this file");
        refused(R"({"providers":[{"name":"a","base_url":"http:\/\/x","model":"m"},{"name":"a","base_url":"http:\/\/y","model":"m"}]})",
                "two providers are called 'a'");
        refused(R"({"providers":[{"name":"a","base_url":"http:\/\/x","model":"m","retries":"many"}]})", "'retries' has the wrong type");
        try {
            findProvider(back, "nope", file);
            QFAIL("unknown provider accepted");
        } catch (const Error& e) {
            QVERIFY2(std::string(e.what()).find("it has: openai") != std::string::npos, e.what());
        }
    }

private:
    static void writeFile(const std::filesystem::path& file, const std::string& text) {
        QFile f(QString::fromStdString(file.string()));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text.data(), static_cast<qint64>(text.size()));
    }
};

QTEST_APPLESS_MAIN(TestLlmClient)
#include "test_llm_client.moc"
