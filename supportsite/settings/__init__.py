"""Settings: `base` reads the environment (through supportsite.env); `dev`, `test` and
`production` adjust it. DJANGO_SETTINGS_MODULE picks one."""
