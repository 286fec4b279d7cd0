// Tests of Charts.
