#include "ui/tree/tree_layout.h"

#include <algorithm>
#include <cstddef>
#include <limits>

namespace kforge::ui {

namespace {

constexpr int kNone = -1;

inline std::size_t u(int i) {
    return static_cast<std::size_t>(i);
}

// The paper's procedures over flat arrays. Node `virtualRoot` (= the number of
// real nodes) is the common parent of the roots. The recursive FIRSTWALK and
// SECONDWALK are written as loops over explicit stacks; APPORTION,
// MOVESUBTREE and EXECUTESHIFTS are loops already.
class Walker {
public:
    Walker(const std::vector<std::vector<int>>& children, const std::vector<int>& roots,
           const TidyLayoutOptions& options)
        : children_(children),
          roots_(roots),
          options_(options),
          virtualRoot_(static_cast<int>(children.size())),
          size_(children.size() + 1),
          parent_(size_, kNone),
          number_(size_, 0),
          prelim_(size_, 0),
          mod_(size_, 0),
          shift_(size_, 0),
          change_(size_, 0),
          thread_(size_, kNone),
          ancestor_(size_, kNone),
          defaultAncestor_(size_, kNone) {
        for (int v = 0; v <= virtualRoot_; ++v) {
            ancestor_[u(v)] = v;
            const std::vector<int>& kids = childrenOf(v);
            for (std::size_t k = 0; k < kids.size(); ++k) {
                parent_[u(kids[k])] = v;
                number_[u(kids[k])] = static_cast<int>(k);
            }
        }
    }

    std::vector<TidyPosition> run() {
        firstWalk();
        return secondWalk();
    }

private:
    const std::vector<int>& childrenOf(int v) const { return v == virtualRoot_ ? roots_ : children_[u(v)]; }
    bool isLeaf(int v) const { return childrenOf(v).empty(); }
    int leftmostChild(int v) const { return childrenOf(v).front(); }
    int rightmostChild(int v) const { return childrenOf(v).back(); }
    int leftSibling(int v) const {
        const int p = parent_[u(v)];
        return p == kNone || number_[u(v)] == 0 ? kNone : childrenOf(p)[u(number_[u(v)] - 1)];
    }
    int leftmostSibling(int v) const {
        const int p = parent_[u(v)];
        return p == kNone ? v : childrenOf(p).front();
    }
    int nextLeft(int v) const { return isLeaf(v) ? thread_[u(v)] : leftmostChild(v); }
    int nextRight(int v) const { return isLeaf(v) ? thread_[u(v)] : rightmostChild(v); }

    // Post-order, and each node is apportioned against its left siblings as
    // soon as its own subtree is done, exactly as the recursive FIRSTWALK.
    void firstWalk() {
        struct Frame {
            int node;
            std::size_t next;
        };
        std::vector<Frame> stack;
        stack.push_back({virtualRoot_, 0});
        if (!isLeaf(virtualRoot_)) defaultAncestor_[u(virtualRoot_)] = leftmostChild(virtualRoot_);
        while (!stack.empty()) {
            const int v = stack.back().node;
            const std::vector<int>& kids = childrenOf(v);
            if (stack.back().next < kids.size()) {
                const int w = kids[stack.back().next++];
                if (!isLeaf(w)) defaultAncestor_[u(w)] = leftmostChild(w);
                stack.push_back({w, 0});
                continue;
            }
            stack.pop_back();
            place(v);
            const int p = parent_[u(v)];
            if (p != kNone) apportion(v, defaultAncestor_[u(p)]);
        }
    }

    void place(int v) {
        const int w = leftSibling(v);
        const double distance = options_.siblingDistance;
        if (isLeaf(v)) {
            prelim_[u(v)] = w == kNone ? 0 : prelim_[u(w)] + distance;
            return;
        }
        executeShifts(v);
        const double midpoint = (prelim_[u(leftmostChild(v))] + prelim_[u(rightmostChild(v))]) / 2;
        if (w == kNone) {
            prelim_[u(v)] = midpoint;
        } else {
            prelim_[u(v)] = prelim_[u(w)] + distance;
            mod_[u(v)] = prelim_[u(v)] - midpoint;
        }
    }

    void apportion(int v, int& defaultAncestor) {
        const int w = leftSibling(v);
        if (w == kNone) return;
        int vip = v;                   // inside right contour
        int vop = v;                   // outside right contour
        int vim = w;                   // inside left contour
        int vom = leftmostSibling(v);  // outside left contour
        double sip = mod_[u(vip)];
        double sop = mod_[u(vop)];
        double sim = mod_[u(vim)];
        double som = mod_[u(vom)];
        while (nextRight(vim) != kNone && nextLeft(vip) != kNone) {
            vim = nextRight(vim);
            vip = nextLeft(vip);
            vom = nextLeft(vom);
            vop = nextRight(vop);
            ancestor_[u(vop)] = v;
            const double shift = (prelim_[u(vim)] + sim) - (prelim_[u(vip)] + sip) + options_.subtreeDistance;
            if (shift > 0) {
                moveSubtree(ancestorOf(vim, v, defaultAncestor), v, shift);
                sip += shift;
                sop += shift;
            }
            sim += mod_[u(vim)];
            sip += mod_[u(vip)];
            som += mod_[u(vom)];
            sop += mod_[u(vop)];
        }
        if (nextRight(vim) != kNone && nextRight(vop) == kNone) {
            thread_[u(vop)] = nextRight(vim);
            mod_[u(vop)] += sim - sop;
        }
        if (nextLeft(vip) != kNone && nextLeft(vom) == kNone) {
            thread_[u(vom)] = nextLeft(vip);
            mod_[u(vom)] += sip - som;
            defaultAncestor = v;
        }
    }

    int ancestorOf(int vim, int v, int defaultAncestor) const {
        const int a = ancestor_[u(vim)];
        return parent_[u(a)] == parent_[u(v)] ? a : defaultAncestor;
    }

    void moveSubtree(int wm, int wp, double shift) {
        const double subtrees = number_[u(wp)] - number_[u(wm)];
        change_[u(wp)] -= shift / subtrees;
        shift_[u(wp)] += shift;
        change_[u(wm)] += shift / subtrees;
        prelim_[u(wp)] += shift;
        mod_[u(wp)] += shift;
    }

    void executeShifts(int v) {
        double shift = 0;
        double change = 0;
        const std::vector<int>& kids = childrenOf(v);
        for (auto it = kids.rbegin(); it != kids.rend(); ++it) {
            const int w = *it;
            prelim_[u(w)] += shift;
            mod_[u(w)] += shift;
            change += change_[u(w)];
            shift += shift_[u(w)] + change;
        }
    }

    std::vector<TidyPosition> secondWalk() const {
        std::vector<TidyPosition> positions(children_.size(), TidyPosition{0, -1});
        struct Frame {
            int node;
            int depth;
            double modSum;
        };
        std::vector<Frame> stack;
        for (const int r : roots_) stack.push_back({r, 0, mod_[u(virtualRoot_)]});
        double minX = std::numeric_limits<double>::infinity();
        while (!stack.empty()) {
            const Frame f = stack.back();
            stack.pop_back();
            TidyPosition& p = positions[u(f.node)];
            p.x = prelim_[u(f.node)] + f.modSum;
            p.depth = f.depth;
            minX = std::min(minX, p.x);
            for (const int w : childrenOf(f.node)) stack.push_back({w, f.depth + 1, f.modSum + mod_[u(f.node)]});
        }
        if (!positions.empty())
            for (TidyPosition& p : positions) p.x -= minX;
        return positions;
    }

    const std::vector<std::vector<int>>& children_;
    const std::vector<int>& roots_;
    TidyLayoutOptions options_;
    int virtualRoot_;
    std::size_t size_;
    std::vector<int> parent_;
    std::vector<int> number_;  // position among its siblings
    std::vector<double> prelim_;
    std::vector<double> mod_;
    std::vector<double> shift_;
    std::vector<double> change_;
    std::vector<int> thread_;
    std::vector<int> ancestor_;
    std::vector<int> defaultAncestor_;  // per parent, while its children are apportioned
};

}  // namespace

std::vector<TidyPosition> layoutTidyForest(const std::vector<std::vector<int>>& children, const std::vector<int>& roots,
                                           const TidyLayoutOptions& options) {
    return Walker(children, roots, options).run();
}

}  // namespace kforge::ui
