import BriefingKit
import FlyingFox
