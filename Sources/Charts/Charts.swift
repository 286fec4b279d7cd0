// The Charts module.
