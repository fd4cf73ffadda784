Tonlage.runMain()
