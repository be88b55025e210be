import X12
