// Tests of Literate.
