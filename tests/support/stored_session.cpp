#include "support/stored_session.h"

namespace kforge::test {

SessionRecord createStoredSession(Store& store, const std::string& name, const std::string& task, int evaluations) {
    SessionRecord r;
    r.name = name;
    r.task = task;
    r.taskRef = task;
    r.taskHash = "abc";
    r.taskDefinition = "{}";
    r.device.name = "Test CPU";
    r.baselineName = "baseline";
    r.baselineHash = store.putSource("// baseline\n");
    r.config.stop.evaluations = evaluations;
    store.createSession(r);
    return r;
}

void storeMeasuredNode(Store& store, int64_t session, Node node, Status status, double fitness) {
    node.state = NodeState::Pending;
    store.insertNode(session, node);
    node.state = NodeState::Done;
    node.status = status;
    node.fitness = status == Status::Passed ? fitness : 0;
    store.updateNode(session, node);
}

}  // namespace kforge::test
