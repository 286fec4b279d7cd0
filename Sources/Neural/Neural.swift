// The Neural module.
