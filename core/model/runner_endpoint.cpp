#include "model/runner_endpoint.h"

#include <charconv>

namespace kforge {
namespace {

// A cursor over one spec that knows its column, so every fault is located.
class SpecReader {
public:
    explicit SpecReader(std::string_view spec) : spec_(spec) {}
    [[noreturn]] void fail(size_t at, const Phrase& what) const {
        throw EndpointError(phrase(QT_TRANSLATE_NOOP("Phrase", "runner endpoint '%1': column %2: %3"),
                                   std::string(spec_), at + 1, what));
    }
    std::string_view spec() const { return spec_; }

private:
    std::string_view spec_;
};

// Characters a host, user, partition or option value may hold: enough for DNS
// names, IPv4 addresses, Slurm's gres and time syntax and file paths, and
// nothing a shell or ssh would read as an option or a second command.
bool plain(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
           c == '-' || c == '/' || c == ':' || c == '+' || c == '=' || c == '~' || c == '%';
}

// Checks `text` (at column `at` of the spec) is non-empty and plain, and does not
// start with '-' (ssh and srun would read it as an option). `what` is a
// pattern marked where it is written ("the host").
std::string checkedWord(const SpecReader& r, size_t at, std::string_view text, const char* what) {
    if (text.empty()) r.fail(at, phrase(QT_TRANSLATE_NOOP("Phrase", "%1 is empty"), phrase(what)));
    if (text.front() == '-')
        r.fail(at, phrase(QT_TRANSLATE_NOOP("Phrase", "%1 must not start with '-'"), phrase(what)));
    for (size_t i = 0; i < text.size(); ++i)
        if (!plain(text[i]))
            r.fail(at + i, phrase(QT_TRANSLATE_NOOP("Phrase", "%1 holds '%2', which is not allowed here"), phrase(what),
                                  std::string(1, text[i])));
    return std::string(text);
}

int checkedNumber(const SpecReader& r, size_t at, std::string_view text, int lo, int hi, const char* what) {
    int v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || v < lo || v > hi)
        r.fail(at, phrase(QT_TRANSLATE_NOOP("Phrase", "%1 must be a number in %2..%3, not '%4'"), phrase(what), lo, hi,
                          std::string(text)));
    return v;
}

// cpu | cuda[:N] | hip[:N], starting at column `at`.
DeviceSlot parseDevice(const SpecReader& r, size_t at, std::string_view text) {
    const size_t colon = text.find(':');
    const std::string_view name = text.substr(0, colon);
    const auto backend = parseBackend(name);
    if (!backend)
        r.fail(at, phrase(QT_TRANSLATE_NOOP("Phrase",
                                            "unknown device '%1' (cpu, cuda[:N], hip[:N], ssh://... or slurm://...)"),
                          std::string(text)));
    DeviceSlot d{*backend, 0};
    if (colon != std::string_view::npos) {
        if (!backendInfo(*backend).gpu)
            r.fail(at + colon, phrase(QT_TRANSLATE_NOOP("Phrase", "the CPU has no device number")));
        d.ordinal = checkedNumber(r, at + colon + 1, text.substr(colon + 1), 0, 1023,
                                  QT_TRANSLATE_NOOP("Phrase", "the device number"));
    }
    return d;
}

// key=value&key=value after '?', at column `at`; `allowed` lists the keys.
template <class Apply>
void parseQuery(const SpecReader& r, size_t at, std::string_view query, std::initializer_list<std::string_view> allowed,
                Apply apply) {
    std::vector<std::string> seen;
    size_t pos = 0;
    while (pos <= query.size()) {
        const size_t amp = std::min(query.find('&', pos), query.size());
        const std::string_view item = query.substr(pos, amp - pos);
        const size_t eq = item.find('=');
        if (eq == std::string_view::npos)
            r.fail(at + pos,
                   phrase(QT_TRANSLATE_NOOP("Phrase", "an option is key=value, not '%1'"), std::string(item)));
        const std::string_view key = item.substr(0, eq);
        bool known = false;
        for (auto k : allowed) known = known || k == key;
        if (!known) {
            std::string keys;
            for (auto k : allowed) keys += (keys.empty() ? "" : ", ") + std::string(k);
            r.fail(at + pos, phrase(QT_TRANSLATE_NOOP("Phrase", "unknown option '%1' (%2)"), std::string(key), keys));
        }
        for (const auto& s : seen)
            if (s == key)
                r.fail(at + pos, phrase(QT_TRANSLATE_NOOP("Phrase", "option '%1' is given twice"), std::string(key)));
        seen.emplace_back(key);
        apply(key, at + pos + eq + 1, item.substr(eq + 1));
        pos = amp + 1;
    }
}

RunnerEndpoint parseSsh(const SpecReader& r, size_t at, std::string_view rest) {
    RunnerEndpoint e;
    e.kind = RunnerEndpoint::Kind::Ssh;
    const size_t q = rest.find('?');
    std::string_view authority = rest.substr(0, q);
    if (const size_t slash = authority.find('/'); slash != std::string_view::npos)
        r.fail(at + slash,
               phrase(QT_TRANSLATE_NOOP("Phrase", "an ssh endpoint has no path; give the runner as ?runner=PATH")));
    size_t hostAt = at;
    if (const size_t atSign = authority.find('@'); atSign != std::string_view::npos) {
        e.user = checkedWord(r, at, authority.substr(0, atSign), QT_TRANSLATE_NOOP("Phrase", "the user"));
        authority = authority.substr(atSign + 1);
        hostAt = at + atSign + 1;
    }
    const size_t colon = authority.find(':');
    e.host = checkedWord(r, hostAt, authority.substr(0, colon), QT_TRANSLATE_NOOP("Phrase", "the host"));
    if (colon != std::string_view::npos)
        e.port = checkedNumber(r, hostAt + colon + 1, authority.substr(colon + 1), 1, 65535,
                               QT_TRANSLATE_NOOP("Phrase", "the port"));
    if (q != std::string_view::npos)
        parseQuery(r, at + q + 1, rest.substr(q + 1), {"device", "runner", "config"},
                   [&](std::string_view key, size_t vAt, std::string_view v) {
                       if (key == "device") e.device = parseDevice(r, vAt, v);
                       if (key == "runner")
                           e.runner = checkedWord(r, vAt, v, QT_TRANSLATE_NOOP("Phrase", "the runner path"));
                       if (key == "config")
                           e.sshConfig = checkedWord(r, vAt, v, QT_TRANSLATE_NOOP("Phrase", "the ssh config path"));
                   });
    return e;
}

RunnerEndpoint parseSlurm(const SpecReader& r, size_t at, std::string_view rest) {
    RunnerEndpoint e;
    e.kind = RunnerEndpoint::Kind::Slurm;
    const size_t q = rest.find('?');
    e.partition = checkedWord(r, at, rest.substr(0, q), QT_TRANSLATE_NOOP("Phrase", "the partition"));
    for (size_t i = 0; i < e.partition.size(); ++i)
        if (e.partition[i] == '/' || e.partition[i] == ':')
            r.fail(at + i, phrase(QT_TRANSLATE_NOOP("Phrase", "a partition name holds no '/' or ':'")));
    if (q != std::string_view::npos)
        parseQuery(r, at + q + 1, rest.substr(q + 1), {"device", "gres", "time", "runner"},
                   [&](std::string_view key, size_t vAt, std::string_view v) {
                       if (key == "device") e.device = parseDevice(r, vAt, v);
                       if (key == "gres") e.gres = checkedWord(r, vAt, v, QT_TRANSLATE_NOOP("Phrase", "the gres"));
                       if (key == "time")
                           e.time = checkedWord(r, vAt, v, QT_TRANSLATE_NOOP("Phrase", "the time limit"));
                       if (key == "runner")
                           e.runner = checkedWord(r, vAt, v, QT_TRANSLATE_NOOP("Phrase", "the runner path"));
                   });
    return e;
}

std::string deviceSpec(const DeviceSlot& d) {
    std::string s(backendName(d.backend));
    if (backendInfo(d.backend).gpu) s += ":" + std::to_string(d.ordinal);
    return s;
}

}  // namespace

std::string RunnerEndpoint::spec() const {
    if (kind == Kind::Local) return deviceSpec(deviceFor(Backend::Cpu));
    std::string s;
    std::vector<std::pair<std::string, std::string>> query;
    if (device) query.emplace_back("device", deviceSpec(*device));
    if (kind == Kind::Ssh) {
        s = "ssh://" + (user.empty() ? "" : user + "@") + host + (port ? ":" + std::to_string(port) : "");
        if (!runner.empty()) query.emplace_back("runner", runner);
        if (!sshConfig.empty()) query.emplace_back("config", sshConfig);
    } else {
        s = "slurm://" + partition;
        if (!gres.empty()) query.emplace_back("gres", gres);
        if (!time.empty()) query.emplace_back("time", time);
        if (!runner.empty()) query.emplace_back("runner", runner);
    }
    for (size_t i = 0; i < query.size(); ++i) s += (i ? "&" : "?") + query[i].first + "=" + query[i].second;
    return s;
}

RunnerEndpoint parseRunnerEndpoint(std::string_view spec) {
    const SpecReader r(spec);
    if (spec.empty())
        r.fail(0, phrase(QT_TRANSLATE_NOOP(
                      "Phrase", "empty (cpu, cuda[:N], hip[:N], ssh://[user@]host[:port] or slurm://PARTITION)")));
    const size_t scheme = spec.find("://");
    if (scheme == std::string_view::npos) {
        RunnerEndpoint e;
        e.device = parseDevice(r, 0, spec);
        return e;
    }
    const std::string_view name = spec.substr(0, scheme);
    const size_t at = scheme + 3;
    if (name == "ssh") return parseSsh(r, at, spec.substr(at));
    if (name == "slurm") return parseSlurm(r, at, spec.substr(at));
    r.fail(0, phrase(QT_TRANSLATE_NOOP("Phrase", "unknown scheme '%1://' (ssh:// or slurm://)"), std::string(name)));
}

std::vector<RunnerEndpoint> parseRunnerEndpoints(std::string_view list) {
    std::vector<RunnerEndpoint> out;
    size_t pos = 0;
    while (pos <= list.size()) {
        const size_t comma = std::min(list.find(',', pos), list.size());
        // The same endpoint twice is two runner processes on one device: they
        // take turns on it (the evaluator holds one lock per device).
        out.push_back(parseRunnerEndpoint(list.substr(pos, comma - pos)));
        pos = comma + 1;
    }
    return out;
}

nlohmann::json toJson(const RunnerEndpoint& e) {
    return e.spec();
}

RunnerEndpoint runnerEndpointFromJson(const nlohmann::json& j, const std::string& path) {
    const auto spec = readValue<std::string>(j, path);
    try {
        return parseRunnerEndpoint(spec);
    } catch (const EndpointError& e) {
        modelFail(path, e.phrase());
    }
}

}  // namespace kforge
