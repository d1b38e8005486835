/* touch previews: see below */
