"""Editorial tools shared by the apps."""
