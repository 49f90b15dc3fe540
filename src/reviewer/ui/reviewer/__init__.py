"""The reviewer's window: scoring a package offline."""
