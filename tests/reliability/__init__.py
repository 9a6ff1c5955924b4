"""Fault injection, bad input, fuzzing, cancellation and load, against real loopback sockets."""
