// The Literate module.
