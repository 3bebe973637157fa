#pragma once

#include <Qsci/qscilexercpp.h>

class QPalette;

namespace kforge::ui {

// C++ highlighting that also knows CUDA and HIP: execution-space and memory
// qualifiers as keywords, built-in variables and intrinsics (warp shuffles,
// atomics, cache loads, half/bfloat16 conversions, WMMA, async copies, the
// runtime API) as a second keyword set, and vector, half and runtime types
// with KernelForge's candidate ABI (kf_*, KF_*) as global classes.
class CudaLexer : public QsciLexerCPP {
    Q_OBJECT

public:
    explicit CudaLexer(QObject* parent = nullptr);

    const char* language() const override;
    const char* keywords(int set) const override;

    // Colours for every style chosen to read well on the palette's Base
    // colour (a light or a dark scheme), with the palette's Text as default.
    void applyPalette(const QPalette& palette);

    // The editor font for every style.
    void applyFont(const QFont& font);
};

}  // namespace kforge::ui
