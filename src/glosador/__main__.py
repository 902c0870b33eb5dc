from glosador.cli import main

raise SystemExit(main())
