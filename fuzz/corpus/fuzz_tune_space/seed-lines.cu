// @seed B=2 C=x
// @tune B 1 2 4
// @tune C y x
// @constraint B * 2 <= 8
// @seed B=4
// @seed C=y B=1
