// Tests of Neural.
